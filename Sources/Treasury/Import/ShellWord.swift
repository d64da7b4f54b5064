/// A word for a command line shown in a hint: as it is when it holds only safe characters, else in single quotes.
public enum ShellWord {
    public static func quoted(_ s: String) -> String {
        let safe = !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@,+".contains($0)) }
        return safe ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
