/// A streaming RFC 4180 CSV reader over bytes.
///
/// Reads its input in chunks (memory stays bounded by the longest record), accepts UTF-8 with an optional
/// byte-order mark, LF or CRLF line ends, quoted fields holding commas, doubled quotes and line breaks.
/// The first record is the header, checked against a `CSVSchema`. Blank lines carry no data and are passed
/// over. Each record reports the physical line where it starts.
///
/// ```swift
/// let reader = try CSVReader(path: "payouts.csv", schema: CSVSchema(required: ["txid", "vout"]))
/// while let record = try reader.next() { print(record.line, record["txid"]!) }
/// ```
public final class CSVReader {
    /// Longest record accepted, in bytes (a raw transaction's hex fits many times over).
    public static let maxRecordBytes = 8 << 20

    public private(set) var header: CSVHeader
    private let source: ByteSource
    private var chunk: [UInt8] = []
    private var pos = 0
    private var atEnd = false
    /// Physical line of the next unread byte.
    private var line = 1
    private var recordBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    /// Set after an error that leaves the position inside a record; reading stops there.
    private var broken = false

    /// The file name used in messages.
    public var file: String { header.file }
    /// Bytes read so far and the input's size when known, for progress reports.
    public var progress: (read: Int, total: Int?) { (source.consumed, source.size) }

    /// Opens `path` (`-` for stdin) and reads and checks its header.
    public convenience init(path: String, schema: CSVSchema) throws(InputError) {
        let source: ByteSource
        do { source = try ByteSource(path: path) } catch {
            throw InputError(file: path == "-" ? "stdin" : path, line: 0, message: error.description)
        }
        try self.init(source: source, schema: schema)
    }

    /// Reads from `source` and checks the header against `schema`.
    public init(source: ByteSource, schema: CSVSchema) throws(InputError) {
        self.source = source
        self.header = CSVHeader(file: source.name, names: [])
        let file = source.name
        try fill()
        if try peek(at: 0) == 0xEF, try peek(at: 1) == 0xBB, try peek(at: 2) == 0xBF { pos += 3 }
        guard let (headerLine, names) = try readFields(file: file) else {
            throw InputError(file: file, line: 0, message: "empty file: a header row is required (columns: \(schema.allColumns.joined(separator: ", ")))")
        }
        var seen = Set<String>()
        for name in names {
            if !seen.insert(name).inserted {
                throw InputError(file: file, line: headerLine, column: name, message: "column appears twice in the header")
            }
            if !schema.allColumns.contains(name) {
                throw InputError(file: file, line: headerLine, column: name.isEmpty ? "(empty)" : name,
                                 message: "unknown column (expected: \(schema.allColumns.joined(separator: ", ")))")
            }
        }
        let missing = schema.required.filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw InputError(file: file, line: headerLine, column: missing[0],
                             message: "missing required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))")
        }
        self.header = CSVHeader(file: file, names: names)
    }

    /// The next record, nil at the end. A record with the wrong number of fields throws and reading may go on
    /// with the next one; a malformed quote, invalid UTF-8 or an oversized record throws and ends reading.
    public func next() throws(InputError) -> CSVRecord? {
        guard !broken else { return nil }
        guard let (start, fields) = try readFields(file: header.file) else { return nil }
        guard fields.count == header.names.count else {
            throw InputError(file: header.file, line: start,
                             message: "expected \(header.names.count) fields, found \(fields.count)")
        }
        return CSVRecord(line: start, fields: fields, header: header)
    }

    private func fill() throws(InputError) {
        pos = 0
        do {
            if try !source.nextChunk(into: &chunk) { atEnd = true }
        } catch {
            broken = true
            throw InputError(file: source.name, line: line, message: error.description)
        }
    }

    private func fail(_ file: String, _ start: Int, _ message: String) -> InputError {
        broken = true
        return InputError(file: file, line: start, message: message)
    }

    /// Reads one record's fields; nil at the end of input.
    private func readFields(file: String) throws(InputError) -> (Int, [String])? {
        recordBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        // Skip blank lines before the record.
        var start = line
        while true {
            if pos == chunk.count {
                if atEnd { return nil }
                try fill()
                continue
            }
            let b = chunk[pos]
            if b == lf { pos += 1; line += 1; continue }
            if b == cr {
                if try peek(at: 1) == lf { pos += 2; line += 1; continue }
                throw fail(file, line, "carriage return not followed by a line feed")
            }
            start = line
            break
        }
        var quoted = false       // inside a quoted field
        var afterQuote = false   // just closed a quoted field
        var fieldStart = true
        while true {
            if pos == chunk.count {
                if !atEnd { try fill() }
                if pos == chunk.count {
                    if quoted { throw fail(file, start, "unterminated quoted field (opened on line \(start) or later)") }
                    fieldEnds.append(recordBytes.count)
                    return (start, try strings(file: file, start: start))
                }
            }
            if recordBytes.count > CSVReader.maxRecordBytes {
                throw fail(file, start, "record longer than \(CSVReader.maxRecordBytes) bytes")
            }
            if quoted {
                // Copy up to the next quote in one go.
                var j = pos
                while j < chunk.count, chunk[j] != quote {
                    if chunk[j] == lf { line += 1 }
                    j += 1
                }
                recordBytes.append(contentsOf: chunk[pos..<j])
                pos = j
                if j == chunk.count { continue }
                // At a quote: doubled means a literal quote, else the field closes.
                if try peek(at: 1) == quote {
                    recordBytes.append(quote)
                    pos += 2
                } else {
                    pos += 1
                    quoted = false
                    afterQuote = true
                }
                continue
            }
            let b = chunk[pos]
            switch b {
            case comma:
                fieldEnds.append(recordBytes.count)
                pos += 1
                fieldStart = true
                afterQuote = false
            case lf:
                pos += 1
                line += 1
                fieldEnds.append(recordBytes.count)
                return (start, try strings(file: file, start: start))
            case cr:
                guard try peek(at: 1) == lf else {
                    throw fail(file, line, "carriage return not followed by a line feed")
                }
                pos += 2
                line += 1
                fieldEnds.append(recordBytes.count)
                return (start, try strings(file: file, start: start))
            case quote:
                guard fieldStart else {
                    throw fail(file, line, afterQuote
                        ? "unexpected quote after a closing quote (write a quote inside a quoted field as \"\")"
                        : "quote inside an unquoted field (quote the whole field and double the quote)")
                }
                quoted = true
                fieldStart = false
                pos += 1
            default:
                if afterQuote {
                    throw fail(file, line, "unexpected character after a closing quote")
                }
                fieldStart = false
                var j = pos + 1
                while j < chunk.count {
                    let c = chunk[j]
                    if c == comma || c == lf || c == cr || c == quote { break }
                    j += 1
                }
                recordBytes.append(contentsOf: chunk[pos..<j])
                pos = j
            }
        }
    }

    /// The byte `offset` places after the current one, reading the next chunk when needed (the current byte
    /// is kept at the front of the new chunk).
    private func peek(at offset: Int) throws(InputError) -> UInt8? {
        while pos + offset >= chunk.count {
            if atEnd { return nil }
            let kept = Array(chunk[pos...])
            try fill()
            chunk.insert(contentsOf: kept, at: 0)
        }
        return chunk[pos + offset]
    }

    private func strings(file: String, start: Int) throws(InputError) -> [String] {
        var result: [String] = []
        result.reserveCapacity(fieldEnds.count)
        var from = 0
        for end in fieldEnds {
            guard let s = recordBytes.withUnsafeBufferPointer({ buf in
                String(validating: UnsafeBufferPointer(rebasing: buf[from..<end]), as: UTF8.self)
            }) else {
                throw fail(file, start, "field \(result.count + 1) is not valid UTF-8")
            }
            result.append(s)
            from = end
        }
        return result
    }
}
