/// The columns a CSV input may have: every required one must be in the header, optional ones may be,
/// any other header name is an error. Order in the file is free.
public struct CSVSchema: Sendable, Equatable {
    public let required: [String]
    public let optional: [String]

    public init(required: [String], optional: [String] = []) {
        self.required = required
        self.optional = optional
    }

    /// Every column name the schema knows, required first.
    public var allColumns: [String] { required + optional }
}

/// A file's header, resolved against its schema: where each column is.
public final class CSVHeader: Sendable {
    /// The file name used in messages.
    public let file: String
    /// Header names in file order.
    public let names: [String]
    private let index: [String: Int]

    init(file: String, names: [String]) {
        self.file = file
        self.names = names
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() { index[n] = i }
        self.index = index
    }

    /// Position of `column` in each record, or nil when the file does not have it.
    public func position(of column: String) -> Int? { index[column] }

    /// Whether the file has `column`.
    public func contains(_ column: String) -> Bool { index[column] != nil }

    /// `name` resolved to its position, for reading it from every record without a lookup by name.
    public func column(_ name: String) -> CSVColumn { CSVColumn(name: name, position: index[name]) }
}

/// A column of one file: its name (for messages) and its position in each record (nil when the file lacks it).
public struct CSVColumn: Sendable, Equatable {
    public let name: String
    public let position: Int?
}

/// One CSV record: its fields, the physical line where it starts, and its header.
public struct CSVRecord: Sendable {
    /// Physical line (from 1) of the record's first byte.
    public let line: Int
    /// Field values in header order, as written (no trimming).
    public let fields: [String]
    public let header: CSVHeader

    /// The value of `column`, or nil when the file has no such column.
    public subscript(column: String) -> String? {
        guard let i = header.position(of: column) else { return nil }
        return fields[i]
    }

    /// The value of a resolved column of this record's file, or nil when the file does not have it.
    public subscript(column: CSVColumn) -> String? { column.position.map { fields[$0] } }

    /// An error at this record, in `column`.
    public func error(_ column: String?, _ message: String) -> InputError {
        InputError(file: header.file, line: line, column: column, message: message)
    }
}
