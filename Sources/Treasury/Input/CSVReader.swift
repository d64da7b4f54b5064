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
    /// The record being read, unquoted, its fields separated by one byte each (a comma).
    private var recordBytes: [UInt8] = []
    /// Where each field of `recordBytes` ends.
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
            throw InputError(file: path == "-" ? "stdin" : path, line: 0, message: error.description, isReadFailure: true)
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
        guard let headerLine = try readRecord(file: file) else {
            throw InputError(file: file, line: 0, message: "empty file: a header row is required (columns: \(schema.allColumns.joined(separator: ", ")))")
        }
        let names = try strings(file: file, start: headerLine)
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
        guard let start = try readRecord(file: header.file) else { return nil }
        let fields = try strings(file: header.file, start: start)
        try checkFieldCount(start)
        return CSVRecord(line: start, fields: fields, header: header)
    }

    /// Reads the next record and hands the bytes of its field at `index` to `body`, making no strings: a quick
    /// scan of one column. Nil at the end; errors as `next()` (the field's UTF-8 is not checked).
    func nextField<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(InputError) -> R? {
        guard !broken else { return nil }
        guard let start = try readRecord(file: header.file) else { return nil }
        try checkFieldCount(start)
        let from = index == 0 ? 0 : fieldEnds[index - 1] + 1
        return recordBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[from..<fieldEnds[index]])) }
    }

    private func checkFieldCount(_ start: Int) throws(InputError) {
        guard fieldEnds.count == header.names.count else {
            throw InputError(file: header.file, line: start,
                             message: "expected \(header.names.count) fields, found \(fieldEnds.count)")
        }
    }

    private func fill() throws(InputError) {
        pos = 0
        do {
            if try !source.nextChunk(into: &chunk) { atEnd = true }
        } catch {
            broken = true
            throw InputError(file: source.name, line: line, message: error.description, isReadFailure: true)
        }
    }

    private func fail(_ file: String, _ start: Int, _ message: String) -> InputError {
        broken = true
        return InputError(file: file, line: start, message: message)
    }

    /// Reads one record into `recordBytes` (unquoted) and `fieldEnds`; returns the line it starts on, nil at the
    /// end of input.
    private func readRecord(file: String) throws(InputError) -> Int? {
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
        if scanPlainRecord() { return start }
        var quoted = false       // inside a quoted field
        var afterQuote = false   // just closed a quoted field
        var fieldStart = true
        while true {
            if pos == chunk.count {
                if !atEnd { try fill() }
                if pos == chunk.count {
                    if quoted { throw fail(file, start, "unterminated quoted field (opened on line \(start) or later)") }
                    fieldEnds.append(recordBytes.count)
                    return start
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
                recordBytes.append(comma)
                pos += 1
                fieldStart = true
                afterQuote = false
            case lf:
                pos += 1
                line += 1
                fieldEnds.append(recordBytes.count)
                return start
            case cr:
                guard try peek(at: 1) == lf else {
                    throw fail(file, line, "carriage return not followed by a line feed")
                }
                pos += 2
                line += 1
                fieldEnds.append(recordBytes.count)
                return start
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

    /// The common record: unquoted fields ending in LF or CRLF inside the current chunk, taken in one pass and
    /// one copy. Returns false, with nothing consumed, for anything else (quotes, a lone CR, the chunk's end,
    /// an oversized record); the general loop then reads it.
    private func scanPlainRecord() -> Bool {
        let first = pos
        let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        // Field ends go into a local array (no exclusivity check per append), swapped back after.
        var ends: [Int] = []
        swap(&ends, &fieldEnds)
        defer { swap(&ends, &fieldEnds) }
        let found: (end: Int, next: Int)? = chunk.withUnsafeBufferPointer { c in
            var i = first
            let n = min(c.count, first + CSVReader.maxRecordBytes)
            let raw = UnsafeRawBufferPointer(c)
            while i < n {
                // Eight bytes at a time: past them when none is a comma, quote, CR or LF, else on to the first that is.
                if i + 8 <= n {
                    let mask = CSVReader.delimiterMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    if mask == 0 {
                        i += 8
                        continue
                    }
                    i += mask.trailingZeroBitCount >> 3
                }
                let b = c[i]
                if b > comma || (b != comma && b != lf && b != cr && b != quote) {
                    i += 1
                    continue
                }
                if b == comma {
                    ends.append(i - first)
                } else if b == lf {
                    return (i, i + 1)
                } else if b == cr, i + 1 < c.count, c[i + 1] == lf {
                    return (i, i + 2)
                } else {
                    return nil
                }
                i += 1
            }
            return nil
        }
        guard let found else {
            ends.removeAll(keepingCapacity: true)
            return false
        }
        ends.append(found.end - first)
        chunk.withUnsafeBufferPointer { recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[first..<found.end])) }
        pos = found.next
        line += 1
        return true
    }

    /// The high bit of each byte of `word` (little-endian) that may be a comma, quote, CR or LF; zero when none is.
    /// The lowest bit set always marks a delimiter (a borrow can only mark bytes above a true one).
    private static func delimiterMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ y: UInt64) -> UInt64 { (y &- ones) & ~y & highs }
        return zeroBytes(word ^ (0x2C &* ones)) | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x0D &* ones))
            | zeroBytes(word ^ (0x0A &* ones))
    }

    /// The fields of the record just read, as strings; a field that is not UTF-8 is an error.
    private func strings(file: String, start: Int) throws(InputError) -> [String] {
        var invalidField = 0
        let fields: [String] = recordBytes.withUnsafeBufferPointer { bytes in
            // ASCII needs no validation beyond this one pass over the record.
            var ascii = true
            for b in bytes where b >= 0x80 { ascii = false; break }
            var result: [String] = []
            result.reserveCapacity(fieldEnds.count)
            var from = 0
            for end in fieldEnds {
                let field = UnsafeBufferPointer(rebasing: bytes[from..<end])
                if ascii {
                    result.append(String(decoding: field, as: UTF8.self))
                } else {
                    guard let s = String(validating: field, as: UTF8.self) else {
                        invalidField = result.count + 1
                        return []
                    }
                    result.append(s)
                }
                from = end + 1
            }
            return result
        }
        if invalidField > 0 { throw fail(file, start, "field \(invalidField) is not valid UTF-8") }
        return fields
    }
}
