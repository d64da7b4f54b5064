import Bitcoin

/// One problem in an input file, printed as `file:line: column: message` (the column is left out when the
/// problem is not in one field, the line when it is not on one line).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it (`-` is shown as `stdin`).
    public let file: String
    /// Physical line (from 1) where the offending record starts; 0 when the problem concerns the whole file.
    public let line: Int
    /// The column (CSV header name or JSON key path), when the problem is in one field.
    public let column: String?
    /// What is wrong, in lower case, naming the offending value where it helps (bounded by `Echo`; any private
    /// key in it is redacted whatever the message's origin).
    public let message: String
    /// The input could not be read at this point (an I/O error, not bad data): the import reports it as such
    /// (exit 74), without a line.
    public let isReadFailure: Bool

    public init(file: String, line: Int, column: String? = nil, message: String, isReadFailure: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = Echo.redactingKeys(message)
        self.isReadFailure = isReadFailure
    }

    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if let column { s += ": \(column)" }
        return s + ": " + message
    }
}
