import ArgumentParser
import Foundation
import Ledger
import Treasury

/// Options every `reserve report …` command shares: the ledger, the output format, an optional HTML page.
struct ReportOutputOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(help: "Only this section (repeatable), e.g. wallets; CSV then has no section column.")
    var section: [String] = []

    @Flag(help: "Tables: every column, whatever the terminal's width.")
    var wide = false

    @Option(help: "Tables: only these columns (comma-separated field names or titles).")
    var columns: String?

    @Option(help: "Also write the report as a self-contained HTML page to this file.")
    var html: String?

    var layout: TextLayout { Terminal.layout(wide: wide, columns: columns) }

    /// The sections asked for with `--section` (nil: all); an unknown name is a usage error naming the known ones.
    func sections(of documents: [ReportDocument]) throws -> [String]? {
        guard !section.isEmpty else { return nil }
        let known = documents.flatMap { $0.sections.map(\.id) }
        for name in section where !known.contains(name) {
            throw CommandFailure(.usage, lines: ["--section \(name): no such section",
                                                 "hint: sections are \(known.joined(separator: ", "))"])
        }
        return section
    }
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

    /// The report in the chosen format on stdout, only the `--section`s asked for; `extra` parameters (the
    /// command's own, such as `site`) are added after the report's.
    static func print(_ report: ReportDocument, _ options: ReportOutputOptions, extra: [(String, ReportValue)] = []) throws {
        var report = report.only(try options.sections(of: [report]))
        report.parameters += extra
        let text: String
        switch options.format {
        case .table: text = ReportTextRenderer.render(report, layout: options.layout)
        case .csv: text = ReportDataRenderer.csv(report)
        case .json: text = ReportDataRenderer.json(report)
        case .jsonl: text = ReportDataRenderer.jsonLines(report)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func date(_ text: String?, option: String) throws -> LedgerDate? {
        guard let text else { return nil }
        return try LedgerAccess.date(text, option: option)
    }

    /// A reversed range is a usage error (exit 64), not an empty report.
    static func ordered(_ first: LedgerDate?, _ firstName: String, _ last: LedgerDate?, _ lastName: String) throws {
        if let first, let last, first > last {
            throw CommandFailure(.usage, lines: ["\(firstName) \(first) is after \(lastName) \(last)",
                                                 "hint: give \(firstName) on or before \(lastName)"])
        }
    }

    /// Whether a valuation's price is stale (older than `maxAge` days, default the ledger's price-age setting,
    /// before the report date): warns on stderr and returns the `price_stale` parameter for the document.
    static func staleness(_ store: LedgerStore, price: LedgerDate, at: LedgerDate, maxAge: Int?) throws -> [(String, ReportValue)] {
        let limit = maxAge ?? store.settings.maxPriceAgeDays
        guard limit >= 0 else { throw CommandFailure(.usage, "--max-price-age: \(limit) is negative") }
        let age = Int(at.dayNumber - price.dayNumber)
        let stale = age > limit
        if stale {
            Console.warning("values use the price of \(price), \(age) days before \(at) (more than --max-price-age \(limit))")
        }
        return [("price_stale", .bool(stale)), ("max_price_age_days", .int(Int64(limit)))]
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
