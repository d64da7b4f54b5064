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
                var outcome = session.outcome
                if outcome.errorCount > 0 || options.dryRun { throw Rollback(outcome: outcome) }
                try writer.finishBatch(session.batch, kind: kind.rawValue, fileName: file, fileSHA256: sha, counts: outcome.counts)
                outcome.batch = session.batch
                return outcome
            }
        } catch let rollback as Rollback {
            return rollback.outcome
        } catch let error as InputError {
            var outcome = ImportOutcome()
            outcome.dryRun = options.dryRun
            outcome.errors = [error]
            outcome.errorCount = 1
            return outcome
        }
    }

    /// Opens `path` (`-` for stdin) for streaming.
    static func open(_ path: String) throws -> ByteSource {
        do { return try ByteSource(path: path) } catch { throw ImportReadError(message: error.description) }
    }

    /// Reads every record of a CSV input through `row`, reporting progress; malformed records become errors.
    static func eachRecord(_ session: ImportSession, _ source: ByteSource, _ schema: CSVSchema,
                           _ row: (CSVRecord) throws -> ImportedRecord) throws -> String {
        let reader = try CSVReader(source: source, schema: schema)
        var count = 0
        while !session.stopped {
            let record: CSVRecord?
            do { record = try reader.next() } catch {
                session.reject(error)
                continue
            }
            guard let record else { break }
            session.handle(line: record.line) { try row(record) }
            count += 1
            if count & 0xFFF == 0 { session.progress(reader.progress.read, reader.progress.total) }
        }
        session.progress(reader.progress.read, reader.progress.total)
        return source.sha256Hex
    }

    /// Reads a whole JSON input (bounded by `JSONReader.maxBytes`) and its SHA-256.
    static func readJSON(_ path: String) throws -> (JSONNode, String) {
        let source = try open(path)
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
