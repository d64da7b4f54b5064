import Foundation
import GRDB
import Ledger

/// An input that could not be read at all (exit 74, unlike bad data).
public struct ImportReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Imports the reserve's data files into a ledger: one file, one SQLite transaction, nothing written unless every
/// record is valid. Each `import…` method returns the outcome (counts, batch, errors); bad data is reported in it,
/// not thrown. Thrown errors are unreadable inputs (`ImportReadError`) and ledger failures (`LedgerError`).
public struct Importer {
    public let store: LedgerStore
    public let wallets: WalletDirectory

    public init(store: LedgerStore, wallets: WalletDirectory) {
        self.store = store
        self.wallets = wallets
    }

    private struct Rollback: Error {
        let outcome: ImportOutcome
    }

    /// Runs `body` in one write; records the batch when every record passed, else rolls everything back.
    /// `body` returns the SHA-256 (hex) of the input.
    func run(_ kind: ImportKind, file: String, options: ImportOptions,
             _ body: (ImportSession) throws -> String) throws -> ImportOutcome {
        do {
            return try store.write { writer in
                let session = try ImportSession(writer: writer, options: options, file: file, wallets: wallets)
                var sha = ""
                do { sha = try body(session) } catch let error as InputError { session.reject(error) }
                // The ledger could not be written or the input read: an I/O failure, whatever records passed.
                if let failure = session.failure { throw failure }
                session.refuseNewNames()
                var outcome = session.outcome
                // Deferred writes report their refusals late: errors in line order.
                outcome.errors.sort { $0.line < $1.line }
                if outcome.errorCount > 0 || options.dryRun { throw Rollback(outcome: outcome) }
                // A file without records (a header only) records no batch.
                if outcome.records == 0 {
                    outcome.notes.append("\(Importer.displayName(file)): 0 records; nothing imported, no batch recorded")
                    throw Rollback(outcome: outcome)
                }
                try writer.finishBatch(session.batch, kind: kind.rawValue, fileName: file, fileSHA256: sha, counts: outcome.counts)
                outcome.batch = session.batch
                return outcome
            }
        } catch let rollback as Rollback {
            return rollback.outcome
        } catch let error as InputError where error.isReadFailure {
            throw ImportReadError(message: error.message)
        } catch let error as InputError {
            var outcome = ImportOutcome()
            outcome.dryRun = options.dryRun
            outcome.errors = [error]
            outcome.errorCount = 1
            return outcome
        }
    }

    /// Opens `path` (`-` for stdin) for streaming.
    static func open(_ path: String, name: String? = nil) throws -> ByteSource {
        do { return try ByteSource(path: path, name: name) } catch { throw ImportReadError(message: error.description) }
    }

    /// The name of an input in messages.
    static func displayName(_ path: String) -> String { path == "-" ? "stdin" : path }

    /// Reads every record of a CSV input through `row`, reporting progress; malformed records become errors.
    ///
    /// When the import first has to open an account, a pass over the file finds the earliest accounting date (`date`
    /// parses the bytes of each record's `column`) so that accounts the file opens are opened on it, whatever the
    /// order of the rows; that pass makes no strings, hashes nothing, and asks the time zone only about instants
    /// that may fall before the earliest date so far. Imports whose accounts all exist read the file once. Stdin is
    /// spooled to a temporary file to be read twice.
    static func eachRecord(_ session: ImportSession, path: String, _ schema: CSVSchema,
                           date: (column: String, parse: (UnsafeBufferPointer<UInt8>) -> ISOTimestamp?)?,
                           _ row: (CSVRecord) throws -> ImportedRecord) throws -> String {
        try eachRecord(session, path: path, schema, date: date, prepare: { _ in { $0 } }, row)
    }

    /// `eachRecord` whose records are read, and turned into `Prepared` values by the function `prepare` makes for the
    /// file's header, on a second thread (`RecordPipeline`) while `row` books them on this one. `prepare` parses only:
    /// it must not touch the session or the ledger. What it throws is reported at the record's line like `row`'s
    /// errors.
    static func eachRecord<Prepared: Sendable>(
        _ session: ImportSession, path: String, _ schema: CSVSchema,
        date: (column: String, parse: (UnsafeBufferPointer<UInt8>) -> ISOTimestamp?)?,
        prepare: (CSVHeader) -> @Sendable (CSVRecord) throws -> Prepared,
        _ row: (Prepared) throws -> ImportedRecord
    ) throws -> String {
        let input = try RereadableInput(path)
        if let date {
            session.findEarliestDate = {
                guard let source = try? ByteSource(path: input.path, name: input.name, hashing: false),
                      let reader = try? CSVReader(source: source, schema: schema),
                      let index = reader.header.position(of: date.column) else { return nil }
                var earliest: LedgerDate?
                while true {
                    do {
                        guard let found = try reader.nextField(at: index, date.parse) else { break }
                        guard let t = found else { continue }
                        if let e = earliest, t.isNeverBefore(e) { continue }
                        let d = session.accountingDate(t)
                        if earliest.map({ d < $0 }) ?? true { earliest = d }
                    } catch { continue }
                }
                return earliest
            }
        }
        defer { session.findEarliestDate = nil }
        let source = try open(input.path, name: input.name)
        let reader = try CSVReader(source: source, schema: schema)
        let pipeline = RecordPipeline(reader: reader, prepare: prepare(reader.header))
        var last = RecordPipeline<Prepared>.Chunk()
        reading: while !session.stopped, let chunk = pipeline.next() {
            for item in chunk.items {
                guard !session.stopped else { break reading }
                switch item {
                case .malformed(let error): session.reject(error)
                case .record(let line, let prepared): session.handle(line: line) { try row(prepared.get()) }
                }
            }
            session.progress(chunk.read, chunk.total)
            last = chunk
        }
        pipeline.finish()
        session.progress(last.read, last.total)
        return source.sha256Hex
    }

    /// Reads a whole JSON input (bounded by `JSONReader.maxBytes`) and its SHA-256.
    static func readJSON(_ path: String) throws -> (JSONNode, String) {
        let source = try open(path, name: displayName(path))
        if let size = source.size, size > JSONReader.maxBytes {
            throw InputError(file: source.name, line: 0, message: "file is \(size) bytes; JSON inputs are limited to \(JSONReader.maxBytes) bytes")
        }
        var all: [UInt8] = []
        var chunk: [UInt8] = []
        while true {
            let more: Bool
            do { more = try source.nextChunk(into: &chunk) } catch { throw ImportReadError(message: error.description) }
            guard more else { break }
            all.append(contentsOf: chunk)
            guard all.count <= JSONReader.maxBytes else {
                throw InputError(file: source.name, line: 0, message: "JSON inputs are limited to \(JSONReader.maxBytes) bytes")
            }
        }
        return (try JSONReader.parse(all, file: source.name), source.sha256Hex)
    }
}

/// A CSV input that can be read twice: the file itself, or standard input copied to a temporary file.
final class RereadableInput {
    let path: String
    let name: String
    private let temporary: Bool

    init(_ path: String) throws {
        guard path == "-" else {
            self.path = path
            name = path
            temporary = false
            return
        }
        name = "stdin"
        temporary = true
        self.path = FileManager.default.temporaryDirectory.appendingPathComponent("reserve-stdin-\(UUID().uuidString).csv").path
        let source = try Importer.open("-")
        guard FileManager.default.createFile(atPath: self.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: self.path) else {
            throw ImportReadError(message: "stdin: cannot create a temporary copy at \(self.path)")
        }
        defer { try? handle.close() }
        var chunk: [UInt8] = []
        while true {
            let more: Bool
            do { more = try source.nextChunk(into: &chunk) } catch { throw ImportReadError(message: error.description) }
            guard more else { break }
            handle.write(Data(chunk))
        }
    }

    deinit {
        if temporary { try? FileManager.default.removeItem(atPath: path) }
    }
}
