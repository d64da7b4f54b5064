import GRDB
import Ledger

extension Importer {
    /// Columns of the power bills CSV.
    public static let powerSchema = CSVSchema(
        required: ["site", "period_start", "period_end", "kwh", "amount", "invoice"], optional: ["currency", "marginal_amount"])

    /// `reserve import power FILE`: electricity expense against the site's power payable, booked on `period_end`.
    /// The natural key is site + invoice.
    public func importPower(csv path: String, options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        return try run(.power, file: Importer.displayName(path), options: options) { session in
            try Importer.eachRecord(session, path: path, Importer.powerSchema, date: ("period_end", { ISOTimestamp.date(utf8: $0).map(ISOTimestamp.date) })) { r in
                let site = try r.parse("site", Identifiers.site)
                let start = try r.parse("period_start", ISOTimestamp.date)
                let end = try r.parse("period_end", ISOTimestamp.date)
                guard start <= end else { throw r.error("period_end", "period ends (\(end)) before it starts (\(start))") }
                let wh = try r.parse("kwh") { (t: String) throws(FieldError) -> Int64 in try Amounts.positive(t, scale: 3) }
                let currency = r["currency"].map { $0.isEmpty ? session.writer.settings.functionalCurrency : $0 }
                    ?? session.writer.settings.functionalCurrency
                if r["currency"]?.isEmpty == false { _ = try session.commodity(r, "currency") }
                let scale = try session.writer.scale(of: currency)
                let amount = try r.parse("amount") { (t: String) throws(FieldError) -> Int64 in try Amounts.positive(t, scale: scale) }
                let marginal = try r.parseOptional("marginal_amount") { (t: String) throws(FieldError) -> Int64 in try Amounts.minor(t, scale: scale) }
                if let marginal, marginal > amount {
                    throw r.error("marginal_amount", "marginal amount exceeds the bill's amount")
                }
                let invoice = try r.parse("invoice", Identifiers.reference)
                do { try session.pools.useSite(site) } catch let e as PoolError { throw r.error("site", e.description) }
                let key = "power:\(site):\(invoice)"
                let fingerprint = ImportSession.fingerprint("power", "site=\(site);start=\(start);end=\(end);wh=\(wh);currency=\(currency);amount=\(amount)"
                    + ";marginal=\(marginal.map { String($0) } ?? "")")
                let description = "\(MinorUnits.format(amount, scale: scale)) \(currency) to \(ReserveAccounts.electricity(site: site))"
                if try session.check(key: key, fingerprint: fingerprint, line: r.line) == .alreadyBooked {
                    return ImportedRecord(line: r.line, key: key, status: .alreadyBooked, date: end.description, description: description)
                }
                let event = PowerBillEvent(site: site, periodEnd: end, amount: amount, currency: currency)
                let postings = try session.valuing(line: r.line, column: "period_end") { try session.rules.powerBill(event) }
                let id = try session.book(line: r.line, key: key, fingerprint: fingerprint, date: end,
                                          narration: "Power bill \(invoice) of \(site), \(start) to \(end)", source: "power",
                                          postings: postings)
                try session.writer.db.execute(sql: """
                    INSERT INTO power_bill(site, invoice, period_start, period_end, wh, currency, amount, marginal_amount, txn_id, batch)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [site, invoice, start.description, end.description, wh, currency, amount, marginal, id, session.batch])
                return ImportedRecord(line: r.line, key: key, status: .new, date: end.description, description: description)
            }
        }
    }

    /// Columns of the settlements CSV.
    public static let settlementSchema = CSVSchema(required: ["date", "site", "invoice", "amount", "currency", "reference"])

    /// `reserve import settlements FILE`: pays a power bill (by site and invoice) from `Assets:Bank:<currency>`.
    /// The natural key is `reference`.
    public func importSettlements(csv path: String, options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        return try run(.settlements, file: Importer.displayName(path), options: options) { session in
            try Importer.eachRecord(session, path: path, Importer.settlementSchema, date: ("date", { ISOTimestamp.date(utf8: $0).map(ISOTimestamp.date) })) { r in
                let date = try r.parse("date", ISOTimestamp.date)
                let site = try r.parse("site", Identifiers.site)
                let invoice = try r.parse("invoice", Identifiers.reference)
                let currency = try session.commodity(r, "currency")
                let scale = try session.writer.scale(of: currency)
                let amount = try r.parse("amount") { (t: String) throws(FieldError) -> Int64 in try Amounts.positive(t, scale: scale) }
                let reference = try r.parse("reference", Identifiers.reference)
                let key = "settlement:\(reference)"
                let fingerprint = ImportSession.fingerprint("settlement", "date=\(date);site=\(site);invoice=\(invoice);currency=\(currency);amount=\(amount)")
                let description = "\(MinorUnits.format(amount, scale: scale)) \(currency) from \(ReserveAccounts.bank(currency)) for \(invoice)"
                if try session.check(key: key, fingerprint: fingerprint, line: r.line) == .alreadyBooked {
                    return ImportedRecord(line: r.line, key: key, status: .alreadyBooked, date: date.description, description: description)
                }
                guard let bill = try Row.fetchOne(session.writer.db, sql: """
                    SELECT b.currency, b.amount - coalesce((SELECT sum(s.amount) FROM power_settlement s
                      WHERE s.site = b.site AND s.invoice = b.invoice), 0), b.period_end
                    FROM power_bill b WHERE b.site = ? AND b.invoice = ?
                    """, arguments: [site, invoice]) else {
                    throw r.error("invoice", "no power bill \(invoice) for site \(site) (import the bill first)")
                }
                let billCurrency: String = bill[0], outstanding: Int64 = bill[1], billEnd: String = bill[2]
                guard billCurrency == currency else {
                    throw r.error("currency", "bill \(invoice) is in \(billCurrency), the settlement in \(currency)")
                }
                guard amount <= outstanding else {
                    throw r.error("amount", "settles \(MinorUnits.format(amount, scale: scale)) but only \(MinorUnits.format(outstanding, scale: scale)) \(currency) of bill \(invoice) is outstanding")
                }
                guard date.description >= billEnd else {
                    throw r.error("date", "settlement on \(date) precedes the bill's booking date \(billEnd)")
                }
                let event = SettlementEvent(date: date, site: site, amount: amount, currency: currency)
                let postings = try session.valuing(line: r.line, column: "date") { try session.rules.settlement(event) }
                let id = try session.book(line: r.line, key: key, fingerprint: fingerprint, date: date,
                                          narration: "Settlement \(reference) of power bill \(invoice) (\(site))",
                                          source: "settlements", postings: postings)
                try session.writer.db.execute(sql: """
                    INSERT INTO power_settlement(reference, site, invoice, date, amount, txn_id, batch) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [reference, site, invoice, date.description, amount, id, session.batch])
                return ImportedRecord(line: r.line, key: key, status: .new, date: date.description, description: description)
            }
        }
    }
}
