import ArgumentParser

/// "Did you mean …?" for a mistyped command or option: the closest known name within a small edit distance.
enum Suggestions {
    /// The known name closest to `word` (at most 2 edits, or a unique prefix), or nil.
    static func closest(_ word: String, in names: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = names.map { ($0, distance(lowered, $0.lowercased())) }.filter { $0.1 <= max(1, min(2, word.count / 3)) }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        let prefixed = names.filter { $0.hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// The command path `arguments` name (group and subcommand types) and, when a word where a subcommand was
    /// expected names none, that word.
    static func resolve(_ arguments: [String]) -> (path: [ParsableCommand.Type], unknown: String?) {
        var path: [ParsableCommand.Type] = [Reserve.self]
        for word in arguments {
            guard let current = path.last else { break }
            let subs = current.configuration.subcommands
            guard !subs.isEmpty else { break }
            if word.hasPrefix("-") { break }
            if let next = subs.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                path.append(next)
            } else {
                return (path, word)
            }
        }
        return (path, nil)
    }

    /// The subcommand names of `command`.
    static func subcommandNames(_ command: ParsableCommand.Type) -> [String] {
        command.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The long option names (`--name`) in `command`'s help text.
    static func optionNames(_ command: ParsableCommand.Type, path: [ParsableCommand.Type]) -> [String] {
        let help = Reserve.helpMessage(for: command, columns: 1_000)
        var names: Set<String> = ["--help", "--version"]
        var i = help.startIndex
        while let range = help.range(of: "--", range: i..<help.endIndex) {
            var end = range.upperBound
            while end < help.endIndex, help[end].isLetter || help[end].isNumber || help[end] == "-" { end = help.index(after: end) }
            let name = String(help[range.lowerBound..<end])
            if name.count > 3 { names.insert(name) }
            i = end
        }
        return names.sorted()
    }
}
