import Foundation
import GRDB

/// Streams the journal tables into hledger or Beancount syntax (see ``JournalExport``).
struct JournalWriter {
    let db: Database
    let dialect: JournalExport.Dialect
    let functional: String
    var scales: [String: Int] = [:]
    var names: [Int64: String] = [:]

    init(db: Database, dialect: JournalExport.Dialect, functional: String) throws {
        self.db = db
        self.dialect = dialect
        self.functional = functional
        for row in try Row.fetchAll(db, sql: "SELECT code, scale FROM commodity") { scales[row[0]] = row[1] }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM account") { names[row[0]] = row[1] }
    }

    func amount(_ units: Int64, _ commodity: String) -> String {
        MinorUnits.format(units, scale: scales[commodity] ?? 0) + " " + commodity
    }

    /// Text on one line, safe inside a Beancount string or after an hledger date (where `;` starts a comment).
    func clean(_ text: String) -> String {
        let specials: Set<UInt8> = [0x0A, 0x0D, 0x3B, 0x22, 0x5C]
        let special = text.utf8.contains { specials.contains($0) }
        guard special else { return dialect == .beancount ? "\"" + text + "\"" : text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\n", "\r": out += " "
            case ";" where dialect == .hledger: out += ","
            case "\"" where dialect == .beancount: out += "\\\""
            case "\\" where dialect == .beancount: out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return dialect == .beancount ? "\"" + out + "\"" : out
    }

    mutating func write(into sink: inout JournalExport.Sink) throws {
        try header(into: &sink)
        // In primary-key order (`lines` is the same for all of a transaction's postings): no sort.
        let postings = try Row.fetchCursor(db, sql: """
            SELECT txn_id, account_id, commodity, amount, value FROM posting ORDER BY txn_id, lines, line
            """)
        let txns = try Row.fetchCursor(db, sql: "SELECT id, date, narration FROM txn ORDER BY id")
        var pending = try postings.next()
        while let t = try txns.next() {
            let id: Int64 = t[0], date: String = t[1], narration: String = t[2]
            var lines = entryHeader(id: id, date: date, narration: narration)
            while let p = pending, (p[0] as Int64) <= id {
                if (p[0] as Int64) == id {
                    let account = names[p[1]] ?? "Unknown:Account"
                    lines += posting(account: account, commodity: p[2], amount: p[3], value: p[4])
                }
                pending = try postings.next()
            }
            try sink.append(lines + "\n")
        }
        try prices(into: &sink)
        try assertions(into: &sink)
        try closes(into: &sink)
    }

    /// The first line(s) of a transaction: date, description and its id (`txn:` metadata, to find it again).
    func entryHeader(id: Int64, date: String, narration: String) -> String {
        dialect == .hledger
            ? "\(date) \(clean(narration))  ; txn:\(id)\n"
            : "\(date) * \(clean(narration))\n  txn: \(id)\n"
    }

    /// One posting: functional currency as is; others with their value as a total cost; a value-only
    /// (revaluation) posting as a functional-currency amount.
    func posting(account: String, commodity: String, amount units: Int64, value: Int64) -> String {
        let pad = "    " + account + "  "
        if commodity == functional { return pad + amount(units, commodity) + "\n" }
        if units == 0 { return pad + amount(value, functional) + "\n" }
        if value == 0 || (value < 0) == (units < 0) {
            let total = MinorUnits.format(value, scale: scales[functional] ?? 0)
            return pad + amount(units, commodity) + " @@ " + (total.hasPrefix("-") ? String(total.dropFirst()) : total)
                + " " + functional + "\n"
        }
        // A value of the opposite sign: zero cost on the holding, the value as its own amount.
        return pad + amount(units, commodity) + " @@ " + amount(0, functional) + "\n" + pad + amount(value, functional) + "\n"
    }

    func header(into sink: inout JournalExport.Sink) throws {
        var out = dialect == .hledger
            ? "; ReserveLedger export for hledger. Amounts: `hledger bal`; values (\(functional)): `hledger bal -B`.\n"
            : "; ReserveLedger export for Beancount. Values (\(functional)) are the postings' weights.\n"
            + "option \"operating_currency\" \"\(functional)\"\n"
            + "option \"inferred_tolerance_default\" \"\(functional):\(halfMinorUnit(functional))\"\n"
        let commodities = scales.sorted { $0.key < $1.key }
        let first = try String.fetchOne(db, sql: "SELECT min(open_date) FROM account") ?? "1970-01-01"
        for (code, scale) in commodities {
            out += dialect == .hledger
                ? "commodity \(MinorUnits.format(0, scale: scale)) \(code)\n"
                : "\(first) commodity \(code)\n"
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, open_date FROM account ORDER BY name") {
            let name: String = row[0], opened: String = row[1]
            out += dialect == .hledger ? "account \(name)\n" : "\(opened) open \(name)\n"
        }
        try sink.append(out + "\n")
    }

    /// Half the functional currency's minor unit ("0.005" at scale 2): Beancount's balancing tolerance, so
    /// the rounding of `@@` totals divided into unit prices passes while a missing minor unit does not.
    func halfMinorUnit(_ code: String) -> String {
        let scale = scales[code] ?? 0
        return "0." + String(repeating: "0", count: scale) + "5"
    }

    func prices(into sink: inout JournalExport.Sink) throws {
        var out = ""
        for row in try Row.fetchAll(db, sql: "SELECT date, base, quote, price FROM price ORDER BY date, base, quote") {
            let date: String = row[0], base: String = row[1], quote: String = row[2], price: Int64 = row[3]
            out += dialect == .hledger
                ? "P \(date) \(base) \(amount(price, quote))\n"
                : "\(date) price \(base) \(amount(price, quote))\n"
        }
        try sink.append(out.isEmpty ? "" : out + "\n")
    }

    /// Our assertions hold at the end of their date. hledger checks an assertion where it appears among
    /// same-date postings (so these come after all transactions); Beancount checks at the start of the
    /// date (so the next day).
    func assertions(into sink: inout JournalExport.Sink) throws {
        var out = ""
        for row in try Row.fetchAll(db, sql: """
            SELECT b.id, b.date, a.name, b.commodity, b.amount FROM balance_assertion b
            JOIN account a ON a.id = b.account_id ORDER BY b.id
            """) {
            let id: Int64 = row[0], date: String = row[1], name: String = row[2], commodity: String = row[3], units: Int64 = row[4]
            switch dialect {
            case .hledger:
                out += "\(date) balance assertion  ; assertion:\(id)\n    \(name)  \(amount(0, commodity)) =* \(amount(units, commodity))\n\n"
            case .beancount:
                let next = (try LedgerDate(date)).adding(days: 1)?.description ?? date
                out += "\(next) balance \(name)  \(amount(units, commodity))\n"
            }
        }
        try sink.append(out)
    }

    func closes(into sink: inout JournalExport.Sink) throws {
        guard dialect == .beancount else { return }
        var out = ""
        for row in try Row.fetchAll(db, sql: "SELECT name, close_date FROM account WHERE close_date IS NOT NULL ORDER BY name") {
            out += "\(row[1] as String) close \(row[0] as String)\n"
        }
        try sink.append(out)
    }
}
