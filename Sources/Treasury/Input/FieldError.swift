/// Why one field's text is not a valid value; importers attach the file, line and column.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension CSVRecord {
    /// The value of a required column, parsed by `parse`; a parse failure becomes an error at this record.
    public func parse<T>(_ column: String, _ parse: (String) throws(FieldError) -> T) throws(InputError) -> T {
        do { return try parse(self[column] ?? "") } catch { throw self.error(column, error.message) }
    }

    /// The value of an optional column parsed by `parse`; nil when the column is absent or the field empty.
    public func parseOptional<T>(_ column: String, _ parse: (String) throws(FieldError) -> T) throws(InputError) -> T? {
        guard let text = self[column], !text.isEmpty else { return nil }
        do { return try parse(text) } catch { throw self.error(column, error.message) }
    }

    /// `parse(_:_:)` for a column resolved once per file.
    public func parse<T>(_ column: CSVColumn, _ parse: (String) throws(FieldError) -> T) throws(InputError) -> T {
        do { return try parse(self[column] ?? "") } catch { throw self.error(column.name, error.message) }
    }

    /// `parseOptional(_:_:)` for a column resolved once per file.
    public func parseOptional<T>(_ column: CSVColumn, _ parse: (String) throws(FieldError) -> T) throws(InputError) -> T? {
        guard let text = self[column], !text.isEmpty else { return nil }
        do { return try parse(text) } catch { throw self.error(column.name, error.message) }
    }
}
