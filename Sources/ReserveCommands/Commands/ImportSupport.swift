import ArgumentParser
import Bitcoin
import Foundation
import Ledger
import Treasury

/// Options every `reserve import …` command takes.
struct ImportCommonOptions: ParsableArguments {
    @Flag(help: "Validate the file and list what would be booked; write nothing.")
    var dryRun = false

    @OptionGroup var output: OutputOptions

    var format: OutputFormat { output.format }

    @Option(help: "How many errors to list before only counting them.")
    var maxErrors = 50

    @Option(help: "Oldest price booking may use, in days before the accounting date (default: the ledger's, 3).")
    var maxPriceAge: Int?

    @Flag(help: "Accept sites not declared with `reserve site add` (each is declared by this import).")
    var newSites = false

    @Flag(help: "Accept pools not declared with `reserve pool add` (each is declared on cash basis by this import).")
    var newPools = false

    @OptionGroup var database: DatabaseOptions
}

/// Opens the ledger, runs an import, prints its records and summary, and maps its failures to exit codes.
enum ImportRunner {
    /// The ledger at `--db`, opened for writing (exit 74 when missing, not a ledger or held by another writer).
    static func openStore(_ database: DatabaseOptions) throws -> LedgerStore {
        let store = try LedgerAccess.open(database, .write)
        try capPages(store)
        return store
    }

    /// The test hook `RESERVE_TEST_MAX_PAGE_COUNT=N` (docs/formats.md): caps the ledger file at N pages on this
    /// connection (SQLite's `max_page_count`), so that tests make an import or undo fail as on a full disk
    /// (SQLITE_FULL) without filling one. Values below the file's size leave it at its size.
    static func capPages(_ store: LedgerStore) throws {
        guard let text = ProcessInfo.processInfo.environment["RESERVE_TEST_MAX_PAGE_COUNT"], let pages = Int(text), pages > 0 else { return }
        do {
            try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        } catch {
            throw CommandFailure(.ioError, "\(error)")
        }
    }

    static func importer(_ database: DatabaseOptions) throws -> Importer {
        Importer(store: try openStore(database), wallets: RegisteredWallets())
    }

    /// Runs `body` with options built from `common`; prints the outcome; throws a failure for bad data (65),
    /// unreadable input or database trouble (74).
    static func run(_ common: ImportCommonOptions, _ command: String, file: String,
                    _ body: (ImportOptions) throws -> ImportOutcome) throws {
        var options = ImportOptions(dryRun: common.dryRun, errorLimit: max(0, common.maxErrors))
        options.allowsNewSites = common.newSites
        options.allowsNewPools = common.newPools
        if let age = common.maxPriceAge {
            guard (0...366).contains(age) else { throw CommandFailure(.usage, "--max-price-age: \(age) is not 0...366 days") }
            options.maxPriceAgeDays = age
        }
        var records: [OutputRecord] = []
        if common.dryRun {
            options.onRecord = { r in
                records.append(OutputRecord([("line", .int(Int64(r.line))), ("key", .string(r.key)), ("status", .string(r.status.rawValue)),
                                             ("date", .string(r.date)), ("description", .string(r.description))]))
            }
        }
        let progress = Progress()
        if Console.stderrIsTerminal { options.onProgress = progress.show }
        let outcome: ImportOutcome
        do {
            outcome = try body(options)
        } catch let error as ImportReadError {
            throw CommandFailure(.ioError, lines: [error.description, "nothing was written"])
        } catch let error as LedgerError where error.isStorageFailure {
            throw CommandFailure(.ioError, lines: ["\(common.database.path): cannot write the ledger: \(error.storageMessage)",
                                                   "nothing was written"])
        } catch let error as LedgerError {
            switch error {
            case .notALedger, .ledgerExists, .busy, .needsUpgrade: throw LedgerAccess.failure(error)
            default: throw CommandFailure(.dataError, error.description)
            }
        }
        progress.finish()
        let summary = OutputRecord([
            ("new_count", .int(Int64(outcome.counts.new))), ("already_booked_count", .int(Int64(outcome.counts.alreadyBooked))),
            ("conflicting_count", .int(Int64(outcome.counts.conflicting))), ("rejected_count", .int(Int64(outcome.counts.rejected))),
            ("batch_id", outcome.batch.map { .int($0) } ?? .null), ("dry_run", .bool(outcome.dryRun)),
        ])
        for note in outcome.notes { Console.error("note: \(note)") }
        let parameters: [(String, FieldValue)] = [("file", .string(Echo.value(file))), ("dry_run", .bool(common.dryRun))]
        var document = CommandDocument(command: command, parameters: parameters.filter { $0.0 != "dry_run" },
                                       fields: summary.fields)
        if common.dryRun {
            document.rows = records
            document.columns = ["line", "key", "status", "date", "description"]
            document.print(common.format, layout: common.output.layout)
            if common.format != .json { Console.error(summaryLine(summary)) }
        } else if outcome.succeeded {
            document.print(common.format, layout: common.output.layout)
        } else {
            Console.error(summaryLine(summary))
        }
        guard outcome.succeeded else {
            var lines = outcome.errors.map(\.description)
            if outcome.errorCount > outcome.errors.count {
                lines.append("… and \(outcome.errorCount - outcome.errors.count) more errors")
            }
            lines.append("nothing was written")
            throw CommandFailure(.dataError, lines: lines)
        }
    }

    static func summaryLine(_ summary: OutputRecord) -> String {
        summary.fields.map { "\($0.0)=\($0.1 == .null ? "none" : text($0.1))" }.joined(separator: " ")
    }

    private static func text(_ v: FieldValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }
}

/// Progress on stderr, only when it is a terminal: records handled, their rate, the share of the file read and the
/// time left (from the bytes still to read at the rate so far); redrawn at most four times a second.
final class Progress {
    private let started = Date()
    private var last = Date.distantPast
    private var shown = false

    func show(_ read: Int, _ total: Int?, _ records: Int) {
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.25 else { return }
        last = now
        shown = true
        FileHandle.standardError.write(Data(("\r" + Progress.line(read: read, total: total, records: records,
                                                                   elapsed: now.timeIntervalSince(started)) + "   ").utf8))
    }

    /// "importing: 120,000 records, 40,000/s, 37% of 18 MB, about 5 s left".
    static func line(read: Int, total: Int?, records: Int, elapsed: Double) -> String {
        var parts = ["\(MinorUnits.format(Int64(records), scale: 0, grouping: ",")) records"]
        if elapsed > 0.5 { parts.append("\(MinorUnits.format(Int64(Double(records) / elapsed), scale: 0, grouping: ","))/s") }
        if let total, total > 0 {
            parts.append("\(Int64(read) * 100 / Int64(total))% of \(ByteCount.text(total))")
            if read > 0, elapsed > 0.5 {
                let left = Double(total - read) / (Double(read) / elapsed)
                parts.append("about \(ElapsedText.text(left)) left")
            }
        } else {
            parts.append("\(ByteCount.text(read)) read")
        }
        return "importing: " + parts.joined(separator: ", ")
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// Sizes for people: 512 bytes, 18 MB.
enum ByteCount {
    static func text(_ n: Int) -> String {
        if n < 10_000 { return "\(n) bytes" }
        if n < 10_000_000 { return "\(n / 1000) kB" }
        return "\(n / 1_000_000) MB"
    }
}

/// Durations for people: 45 s, 3 min, 2 h.
enum ElapsedText {
    static func text(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 90 { return "\(s) s" }
        if s < 5400 { return "\((s + 30) / 60) min" }
        return "\((s + 1800) / 3600) h"
    }
}
