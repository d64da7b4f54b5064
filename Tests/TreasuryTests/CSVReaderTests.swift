import Foundation
import TestSupport
import Testing
@testable import Treasury

/// Reads all records of `text` (after the header) with the given chunk size.
private func records(_ text: String, schema: CSVSchema = CSVSchema(required: ["a", "b"]), chunk: Int = 1 << 16)
    throws(InputError) -> [CSVRecord] {
    let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv", chunkSize: chunk), schema: schema)
    var out: [CSVRecord] = []
    while let r = try reader.next() { out.append(r) }
    return out
}

private func error(_ text: String, schema: CSVSchema = CSVSchema(required: ["a", "b"])) -> InputError? {
    do { _ = try records(text, schema: schema); return nil } catch { return error }
}

@Suite struct CSVReaderTests {
    @Test(arguments: [1, 2, 3, 5, 64, 1 << 16])
    func quotedFieldsAcrossChunks(chunk: Int) throws {
        let text = "\u{FEFF}b,a\r\n1,\"x, \"\"y\"\"\nz\"\r\n\r\n\"\",3\n4,5"
        let rs = try records(text, chunk: chunk)
        #expect(rs.count == 3)
        #expect(rs[0].line == 2)
        #expect(rs[0]["a"] == "x, \"y\"\nz")
        #expect(rs[0]["b"] == "1")
        #expect(rs[1].line == 5)
        #expect(rs[1]["b"] == "")
        #expect(rs[1]["a"] == "3")
        #expect(rs[2].line == 6)
        #expect(rs[2].fields == ["4", "5"])
    }

    /// Plain records (the fast path) and quoted ones mixed, at every chunk size: same fields, same lines.
    @Test(arguments: [1, 2, 3, 7, 16, 1 << 16])
    func plainRecordsAcrossChunks(chunk: Int) throws {
        let text = "a,b\r\n,\r\nx,\"q\"\n\n\u{e9}t\u{e9},2\r\nlast,row"
        let rs = try records(text, chunk: chunk)
        #expect(rs.map(\.fields) == [["", ""], ["x", "q"], ["\u{e9}t\u{e9}", "2"], ["last", "row"]])
        #expect(rs.map(\.line) == [2, 3, 5, 6])
    }

    /// Long plain fields, whose bytes the fast path tests eight at a time, split at every offset of a delimiter
    /// (comma, CRLF, LF, quote) within such a group.
    @Test func delimitersAtEveryOffsetOfAWord() throws {
        for length in 0...17 {
            let a = String(repeating: "x", count: length), b = String(repeating: "7", count: 17 - length)
            let plain = try records("a,b\n\(a),\(b)\r\n\(b),\(a)\n\(a)\(b),\"q\"\n")
            #expect(plain.map(\.fields) == [[a, b], [b, a], [a + b, "q"]])
            #expect(plain.map(\.line) == [2, 3, 4])
        }
    }

    @Test(arguments: [1, 3, 1 << 16])
    func plainRecordErrorsKeepTheirLine(chunk: Int) {
        func failure(_ text: String) -> String? {
            do { _ = try records(text, chunk: chunk); return nil } catch { return error.description }
        }
        #expect(failure("a,b\n1,2\n3,x\"y\n") == "t.csv:3: quote inside an unquoted field (quote the whole field and double the quote)")
        #expect(failure("a,b\n1,2\n3,4\r5\n") == "t.csv:3: carriage return not followed by a line feed")
        #expect(failure("a,b\n1,2\n3,4,5\n") == "t.csv:3: expected 2 fields, found 3")
        let badUTF8: [UInt8] = Array("a,b\n1,2\n3,".utf8) + [0xE9] + Array("\n".utf8)
        do {
            let reader = try CSVReader(source: ByteSource(bytes: badUTF8, name: "u.csv", chunkSize: chunk), schema: CSVSchema(required: ["a", "b"]))
            #expect(try reader.next()?.fields == ["1", "2"])
            _ = try reader.next()
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.description == "u.csv:3: field 2 is not valid UTF-8")
        }
    }

    /// One column's bytes, record by record, without strings; errors as `next()`.
    @Test(arguments: [1, 4, 1 << 16])
    func nextFieldReadsOneColumn(chunk: Int) throws {
        let text = "b,a\n1,\"x,y\"\n2\n3,z\n"
        let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv", chunkSize: chunk),
                                   schema: CSVSchema(required: ["a", "b"]))
        let a = reader.header.position(of: "a")!
        #expect(try reader.nextField(at: a) { String(decoding: $0, as: UTF8.self) } == "x,y")
        #expect(throws: InputError.self) { try reader.nextField(at: a) { $0.count } }
        #expect(try reader.nextField(at: a) { String(decoding: $0, as: UTF8.self) } == "z")
        #expect(try reader.nextField(at: a) { $0.count } == nil)
    }

    @Test func optionalColumnAbsentIsNil() throws {
        let rs = try records("a,b\n1,2\n", schema: CSVSchema(required: ["a", "b"], optional: ["c"]))
        #expect(rs[0]["c"] == nil)
        #expect(rs[0]["a"] == "1")
    }

    @Test func headerProblems() {
        #expect(error("a,b,c\n1,2,3\n")?.description == "t.csv:1: c: unknown column (expected: a, b)")
        #expect(error("a\n1\n")?.description == "t.csv:1: b: missing required column b")
        #expect(error("a,a,b\n")?.description == "t.csv:1: a: column appears twice in the header")
        #expect(error("")?.description == "t.csv: empty file: a header row is required (columns: a, b)")
        #expect(error("\n\n")?.line == 0)
    }

    @Test func malformedRecordsNameTheirLine() {
        #expect(error("a,b\n1,2\n1,2,3\n")?.description == "t.csv:3: expected 2 fields, found 3")
        #expect(error("a,b\n1,2\n1\n")?.description == "t.csv:3: expected 2 fields, found 1")
        #expect(error("a,b\n1,\"2\n")?.description == "t.csv:2: unterminated quoted field (opened on line 2 or later)")
        #expect(error("a,b\n1,2\n3,x\"y\n")?.line == 3)
        #expect(error("a,b\n1,\"2\"x\n")?.description == "t.csv:2: unexpected character after a closing quote")
        #expect(error("a,b\n1,2\r3,4\n")?.description == "t.csv:2: carriage return not followed by a line feed")
        let bad: [UInt8] = Array("a,b\n1,".utf8) + [0xC3, 0x28] + [0x0A]
        do {
            let reader = try CSVReader(source: ByteSource(bytes: bad, name: "u.csv"), schema: CSVSchema(required: ["a", "b"]))
            _ = try reader.next()
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.description == "u.csv:2: field 2 is not valid UTF-8")
        }
    }

    @Test func readingGoesOnAfterAWrongFieldCount() throws {
        let reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n1\n2,3\n".utf8), name: "t.csv"),
                                   schema: CSVSchema(required: ["a", "b"]))
        #expect(throws: InputError.self) { try reader.next() }
        let r = try reader.next()
        #expect(r?.fields == ["2", "3"])
        #expect(r?.line == 3)
        #expect(try reader.next() == nil)
    }

    @Test func readsAFileFromDisk() throws {
        let directory = try TemporaryDirectory("csv")
        let path = directory.path("big.csv")
        var text = "a,b\n"
        for i in 0..<20_000 { text += "\(i),\"v\(i)\"\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try CSVReader(path: path, schema: CSVSchema(required: ["a", "b"]))
        var n = 0
        while let r = try reader.next() {
            #expect(r["b"] == "v\(n)")
            #expect(r.line == n + 2)
            n += 1
        }
        #expect(n == 20_000)
        #expect(reader.progress.read == reader.progress.total)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: InputError.self) { try CSVReader(path: "/nonexistent/x.csv", schema: CSVSchema(required: ["a"])) }
    }
}
