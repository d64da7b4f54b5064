import ArgumentParser
import Foundation
import Ledger
import Treasury

/// Options every `reserve report …` command shares: the ledger, the output format, an optional HTML page.
struct ReportOutputOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(help: "Also write the report as a self-contained HTML page to this file.")
    var html: String?
}

/// Opening the ledger for reports and printing them.
enum ReportRunner {
    /// The ledger at `--db`, read-only (reports never write).
    static func open(_ options: DatabaseOptions) throws -> LedgerStore {
        guard options.exists else {
            throw CommandFailure(.ioError, "\(options.path): no ledger; create one with `reserve init`")
        }
        return try LedgerAccess.open(options, .read)
    }

    /// Runs `body`, turning report and ledger errors into exit codes (missing data 65, database trouble 74).
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw CommandFailure(.dataError, error.description)
        } catch let error as LedgerError {
            switch error {
            case .database, .notALedger, .busy, .needsUpgrade: throw LedgerAccess.failure(error)
            default: throw CommandFailure(.dataError, error.description)
            }
        } catch let error as InputError {
            throw CommandFailure(.dataError, error.description)
        }
    }

    /// The report in `format` on stdout.
    static func print(_ report: ReportDocument, as format: OutputFormat) {
        let text: String
        switch format {
        case .table: text = ReportTextRenderer.render(report)
        case .csv: text = ReportDataRenderer.csv(report)
        case .json: text = ReportDataRenderer.json(report)
        case .jsonl: text = ReportDataRenderer.jsonLines(report)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func date(_ text: String?, option: String) throws -> LedgerDate? {
        guard let text else { return nil }
        do { return try LedgerDate(text) } catch {
            throw CommandFailure(.usage, "\(option): invalid date \"\(text)\" (expected YYYY-MM-DD)")
        }
    }

    /// The default report date: the last transaction's date.
    static func lastDate(_ store: LedgerStore) throws -> LedgerDate {
        let text = try run { try store.read { try String.fetchOne($0, sql: "SELECT max(date) FROM txn") } }
        guard let text, let date = try? LedgerDate(text) else {
            throw CommandFailure(.dataError, "the ledger has no transactions yet; nothing to report")
        }
        return date
    }

    /// Writes an HTML page and says where on stderr.
    static func writeHTML(_ page: String, to path: String) throws {
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(.ioError, "\(path): cannot write the HTML report (\(error.localizedDescription))")
        }
        Console.error("HTML report written to \(path)")
    }

    /// The programme's name for titles: the ledger setting `programme`, else a generic one.
    static func programme(_ store: LedgerStore) -> String {
        store.settings.extra["programme"] ?? "National Bitcoin Reserve"
    }

    /// A page holding what one command computed.
    static func page(_ store: LedgerStore, title: String? = nil, asOf: LedgerDate, holdings: HoldingsReport? = nil, mining: MiningReport? = nil,
                     history: HoldingsHistory? = nil, reconciliation: ReconciliationReport? = nil,
                     reserves: ReservesReport? = nil, extra: [ReportDocument] = []) throws -> String {
        let head = try run { try ReportHead.hash(store) }
        let scale = try run { try store.commodities() }.first { $0.code == store.settings.functionalCurrency }?.scale ?? 2
        return HTMLReport(programme: title ?? programme(store), asOf: asOf, headHash: head,
                          currency: store.settings.functionalCurrency, scale: scale,
                          fiscalYearStart: store.settings.fiscalYearStart, holdings: holdings, mining: mining,
                          history: history, reconciliation: reconciliation, reserves: reserves, extra: extra).render()
    }
}
