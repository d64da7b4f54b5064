import GRDB

/// Price lookups: the latest price on or before a date.
enum PriceQueries {
    static func latest(_ db: Database, base: String, quote: String, onOrBefore date: LedgerDate) throws
        -> (date: LedgerDate, price: Int64)? {
        let statement = try db.cachedStatement(sql: """
            SELECT date, price FROM price WHERE base = ? AND quote = ? AND date <= ? ORDER BY date DESC LIMIT 1
            """)
        guard let row = try Row.fetchOne(statement, arguments: [base, quote, date.description]) else { return nil }
        return (try LedgerDate(row[0]), row[1])
    }
}
