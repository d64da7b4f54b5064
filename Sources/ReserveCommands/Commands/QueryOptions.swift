import ArgumentParser
import Bitcoin
import Ledger

/// The date options of the query commands (`register`, `print`, `balance`): `-p/--period` or `--from`/`--to`.
struct PeriodOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("period")], help: ArgumentHelp(
        "A period: 2026, 2026-03, 2025Q3 (calendar), FY2025-26, \"FY2025-26 Q1\" (fiscal), or FIRST..LAST (both included).",
        valueName: "period"))
    var period: String?

    @Option(help: "First date included (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Last date included (YYYY-MM-DD).")
    var to: String?

    /// The span asked for, nil when none; a malformed period or a range that ends before it starts is exit 64.
    func span(fiscalYearStart: Int) throws -> DateSpan? {
        var span: DateSpan?
        if let period {
            do {
                span = try PeriodExpression.parse(period, fiscalYearStart: fiscalYearStart)
            } catch let error as PeriodError {
                throw CommandFailure(.usage, "-p/--period: \(error)")
            }
        }
        guard from != nil || to != nil else { return span }
        let first = try from.map { try LedgerAccess.date($0, option: "--from") }
        let last = try to.map { try LedgerAccess.date($0, option: "--to") }
        do {
            let dates = try DateSpan(first: first, last: last)
            return try span.map { try $0.intersection(dates) } ?? dates
        } catch let error as PeriodError {
            let which = span == nil ? "--from/--to" : "-p/--period with --from/--to"
            throw CommandFailure(.usage, "\(which): \(error)")
        }
    }
}

/// Account selection shared by `register`, `accounts` and `balance`.
enum QuerySupport {
    /// The filter for a regular expression and depth (exit 64 when either is invalid).
    static func filter(_ pattern: String?, depth: Int?) throws -> AccountFilter {
        do {
            return try AccountFilter(pattern: pattern, depth: depth)
        } catch let error as QueryError {
            throw CommandFailure(.usage, error.description)
        }
    }

    /// Says on stderr why a query printed no rows: no account matches the pattern, or none has postings in the span.
    static func explainEmpty(_ ledger: LedgerStore, _ filter: AccountFilter, span: DateSpan?, what: String) throws {
        let names = try LedgerAccess.run { try ledger.accounts() }.map(\.name)
        if let pattern = filter.pattern, filter.matching(names).isEmpty {
            Console.error("note: no account matches \"\(Echo.value(pattern))\" (case-insensitive, anywhere in the name; "
                          + "`reserve accounts` lists them)")
        } else if let span {
            Console.error("note: no \(what) in \(span)")
        } else {
            Console.error("note: no \(what)")
        }
    }

    /// `text` cut to `width` characters with an ellipsis (table columns only; csv and json keep everything).
    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
