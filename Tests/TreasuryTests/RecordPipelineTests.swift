import Foundation
import Testing
@testable import Treasury

/// The import's reading thread: file order, errors where they occurred, bounded memory, early stop.
@Suite struct RecordPipelineTests {
    struct NotANumber: Error, Equatable { let text: String }

    /// 2,000 records; every 97th has three fields (malformed CSV), every 89th a non-number in `a`.
    private func input() -> (text: String, malformed: [Int], notNumbers: [Int]) {
        var text = "a,b\n"
        var malformed: [Int] = [], notNumbers: [Int] = []
        for i in 1...2_000 {
            let line = i + 1
            if i % 97 == 0 { text += "\(i),x,extra\n"; malformed.append(line) }
            else if i % 89 == 0 { text += "n\(i),x\n"; notNumbers.append(line) }
            else { text += "\(i),x\n" }
        }
        return (text, malformed, notNumbers)
    }

    private func pipeline(_ text: String) throws -> RecordPipeline<Int> {
        let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv", chunkSize: 100),
                                   schema: CSVSchema(required: ["a", "b"]))
        return RecordPipeline(reader: reader) { r in
            guard let n = Int(r["a"] ?? "") else { throw NotANumber(text: r["a"] ?? "") }
            return n
        }
    }

    @Test func deliversEveryRecordInFileOrderWithItsError() throws {
        let (text, malformed, notNumbers) = input()
        let p = try pipeline(text)
        var lines: [Int] = [], badCSV: [Int] = [], badNumbers: [Int] = []
        while let chunk = p.next() {
            #expect(chunk.items.count <= RecordPipeline<Int>.chunkSize)
            for item in chunk.items {
                switch item {
                case .malformed(let e): badCSV.append(e.line); lines.append(e.line)
                case .record(let line, .success(let n)): #expect(n == line - 1); lines.append(line)
                case .record(let line, .failure(let e)):
                    #expect(e as? NotANumber == NotANumber(text: "n\(line - 1)"))
                    badNumbers.append(line); lines.append(line)
                }
            }
            usleep(200)  // a slow consumer: the reader must wait, not pile up chunks
        }
        p.finish()
        #expect(lines == Array(2...2_001))
        #expect(badCSV == malformed)
        #expect(badNumbers == notNumbers)
        #expect(p.peakQueued <= RecordPipeline<Int>.capacity)
    }

    @Test func finishStopsAReaderThatIsAhead() throws {
        let p = try pipeline(input().text)
        let first = try #require(p.next())
        #expect(first.items.count == RecordPipeline<Int>.chunkSize)
        p.finish()  // returns once the reader has left the input, though most of it is unread
        #expect(p.peakQueued <= RecordPipeline<Int>.capacity)
    }
}
