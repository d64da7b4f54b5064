import Foundation
import Ledger

/// `--value book|market[=DATE]`.
enum ValueBasis: Equatable {
    case book
    /// At the latest price on or before the date (nil: each row's own date).
    case market(LedgerDate?)

    init(_ text: String) throws {
        if text == "book" { self = .book; return }
        if text == "market" { self = .market(nil); return }
        if text.hasPrefix("market=") {
            self = .market(try LedgerAccess.date(String(text.dropFirst(7)), option: "--value market="))
            return
        }
        throw CommandFailure(.usage, "--value: \"\(text)\" is not book, market or market=YYYY-MM-DD")
    }

    var isMarket: Bool { self != .book }
}

/// Balance rows as output records, with the value on the chosen basis: book as stored, market recomputed from the
/// latest price on or before the valuation date (exact, half to even), with that price's date.
final class BalanceValuation {
    let ledger: LedgerStore
    let basis: ValueBasis
    let defaultDate: LedgerDate
    let scales: [String: Int]
    let functional: String
    var prices: [String: (date: LedgerDate, price: Int64)?] = [:]
    /// Valuations that used a price from before their date, or found none: said once each on stderr.
    var notes: [String] = []

    init(ledger: LedgerStore, basis: ValueBasis, defaultDate: LedgerDate) throws {
        self.ledger = ledger
        self.basis = basis
        self.defaultDate = defaultDate
        self.scales = try LedgerAccess.scales(ledger)
        self.functional = ledger.settings.functionalCurrency
    }

    static func columns(grouped: Bool, table: Bool, market: Bool) -> [String] {
        let head = grouped ? (table ? ["period"] : ["period", "period_end"]) : []
        if table { return head + ["account", "commodity", "amount", "value"] + (market ? ["price_date"] : []) }
        return head + ["account", "commodity", "amount_minor", "amount", "value_minor", "value", "value_basis", "price_date"]
    }

    func record(_ r: BalanceRow, grouped: Bool, table: Bool) throws -> OutputRecord {
        var value: Int64? = r.value
        var priceDate: LedgerDate?
        if case .market(let fixed) = basis, r.commodity != functional {
            let date = fixed ?? r.periodEnd ?? defaultDate
            if let p = try price(r.commodity, date) {
                value = try LedgerAccess.run { try Valuation.value(amount: r.amount, price: p.price, amountScale: scales[r.commodity] ?? 0) }
                priceDate = p.date
            } else {
                value = nil
            }
        } else if case .market = basis {
            value = r.amount
        }
        func text(_ units: Int64, _ c: String) -> String { LedgerAccess.format(units, c, scales: scales) }
        var fields: [(String, FieldValue)] = []
        if grouped {
            fields.append(("period", .string(r.period ?? "")))
            if !table { fields.append(("period_end", r.periodEnd.map { .string($0.description) } ?? .null)) }
        }
        fields.append(("account", .string(r.account)))
        fields.append(("commodity", .string(r.commodity)))
        if table {
            fields.append(("amount", .string(text(r.amount, r.commodity))))
            fields.append(("value", .string(value.map { text($0, functional) + " " + functional } ?? "no price")))
            if basis.isMarket { fields.append(("price_date", .string(priceDate?.description ?? ""))) }
            return OutputRecord(fields)
        }
        fields += [
            ("amount_minor", .int(r.amount)), ("amount", .string(text(r.amount, r.commodity))),
            ("value_minor", value.map { .int($0) } ?? .null), ("value", value.map { .string(text($0, functional)) } ?? .null),
            ("value_basis", .string(basis.isMarket ? "market" : "book")),
            ("price_date", priceDate.map { .string($0.description) } ?? .null),
        ]
        return OutputRecord(fields)
    }

    /// The latest price of `commodity` in the functional currency on or before `date` (cached).
    func price(_ commodity: String, _ date: LedgerDate) throws -> (date: LedgerDate, price: Int64)? {
        let key = commodity + "@" + date.description
        if let cached = prices[key] { return cached }
        let found = try LedgerAccess.run { try ledger.price(base: commodity, quote: functional, onOrBefore: date) }
        prices[key] = .some(found)
        if let found {
            if found.date < date {
                notes.append("note: \(commodity) valued at the \(commodity)/\(functional) price of \(found.date), "
                             + "the latest on or before \(date)")
            }
        } else {
            notes.append("note: no \(commodity)/\(functional) price on or before \(date): its market value is left empty")
        }
        return found
    }

    func reportStalePrices() {
        for note in notes.prefix(12) { Console.error(note) }
        if notes.count > 12 { Console.error("note: … and \(notes.count - 12) more valuations at earlier prices") }
    }
}
