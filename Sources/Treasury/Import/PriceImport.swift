import Bitcoin
import GRDB
import Ledger

extension Importer {
    /// Columns of the prices CSV: one `base` (default BTC) in `currency`, on `date`.
    public static let priceSchema = CSVSchema(required: ["date", "currency", "price"], optional: ["base"])

    /// `reserve import prices FILE`. The natural key is date + currency (+ base).
    public func importPrices(csv path: String, options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        return try run(.prices, file: Importer.displayName(path), options: options) { session in
            try Importer.eachRecord(session, path: path, Importer.priceSchema, date: nil) { r in
                let date = try r.parse("date", ISOTimestamp.date)
                let quote = try session.commodity(r, "currency")
                let base = r["base"].map { $0.isEmpty ? "BTC" : $0 } ?? "BTC"
                if r["base"]?.isEmpty == false { _ = try session.commodity(r, "base") }
                guard base != quote else { throw r.error("base", "base and currency are both \(quote)") }
                let scale = try session.writer.scale(of: quote)
                let price = try r.parse("price") { (t: String) throws(FieldError) -> Int64 in try Amounts.positive(t, scale: scale) }
                let key = "price:\(base)/\(quote):\(date)"
                let description = "1 \(base) = \(MinorUnits.format(price, scale: scale)) \(quote)"
                if let row = try Row.fetchOne(session.writer.db, sql: "SELECT id, price FROM price WHERE base = ? AND quote = ? AND date = ?",
                                              arguments: [base, quote, date.description]) {
                    let id: Int64 = row[0], booked: Int64 = row[1]
                    if session.bookedHere(id) {
                        throw r.error(nil, "duplicate key \(key) inside this file (first on line \(session.lineBooked(id)))")
                    }
                    guard booked == price else {
                        throw ConflictError(error: r.error("price", "conflict: \(key) is already recorded as \(MinorUnits.format(booked, scale: scale)), file has \(MinorUnits.format(price, scale: scale))"))
                    }
                    return ImportedRecord(line: r.line, key: key, status: .alreadyBooked, date: date.description, description: description)
                }
                let id = try session.writer.addPrice(date: date, base: base, quote: quote, price: price, source: "prices", batch: session.batch)
                session.noteBooked(id: id, line: r.line)
                return ImportedRecord(line: r.line, key: key, status: .new, date: date.description, description: description)
            }
        }
    }
}

extension ImportSession {
    /// A currency code from `column`: a commodity of the ledger, or a new three-letter fiat code (ISO 4217 style),
    /// registered with 2 decimals on first use.
    func commodity(_ r: CSVRecord, _ column: String) throws -> String {
        let code = r[column] ?? ""
        if (try? writer.scale(of: code)) != nil { return code }
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw r.error(column, "unknown currency \(Echo.quoted(code)) (a three-letter code such as PKR or USD)")
        }
        try writer.addCommodity(try Commodity(code, scale: 2))
        return code
    }
}
