import Foundation
import GRDB

/// Writes to the ledger inside one SQLite transaction (from ``LedgerStore/write(_:)``).
///
/// Keeps the chain head, account ids, commodity scales and prices in memory and reuses prepared
/// statements, so booking many transactions costs a few statement executions each.
/// After any error the writer refuses further work: let the error leave the `write` block.
public final class LedgerWriter {
    /// The connection, for other modules' own SQL in the same transaction.
    public let db: Database
    public let settings: LedgerSettings

    struct AccountInfo {
        let id: Int64
        let type: AccountType
        let open: LedgerDate
        var close: LedgerDate?
    }

    var accounts: [String: AccountInfo] = [:]
    var accountNames: [Int64: String] = [:]
    var scales: [String: Int] = [:]
    /// The accounts and the commodity booked last, found by comparing names before any hashing: bookings name the
    /// same few again and again, and comparing a name with the identical string costs far less than hashing it.
    private var recentAccounts: [(name: String, info: AccountInfo)] = []
    private var nextRecent = 0
    private var recentScale: (code: String, scale: Int)?
    var head: (id: Int64, hash: [UInt8])
    /// Recorded assertions: a booking on or before one's date must not change what it asserts.
    var assertions: [(id: Int64, account: String, commodity: String, date: LedgerDate)] = []
    private var priceCache: [PriceKey: (date: LedgerDate, price: Int64)?] = [:]
    /// The booking price found last, by commodity and date (quoted in the functional currency).
    private var lastPrice: (commodity: String, date: LedgerDate, found: (date: LedgerDate, price: Int64)?)?
    /// Prepared once per write: the posting and the transaction inserts, indexed by number of rows, and the savepoints.
    var postingInserts: [RawStatement?] = []
    var txnInserts: [RawStatement?] = []
    var savepointStatements: [String: RawStatement] = [:]
    /// Transactions booked but not written yet, with their postings' account ids and values, and how many may
    /// wait (1: written as booked; see `deferringWrites`).
    var pending: [PendingTransaction] = []
    var pendingPostings: [(account: Int64, value: Int64)] = []
    var deferLimit = 1
    /// The natural-key lookup, prepared once per write: imports ask it for every row.
    var naturalKeyLookup: RawStatement?
    /// The buffer each booking's canonical bytes are written into, kept for its capacity.
    let canonicalBuffer = CanonicalForm.Buffer()
    /// Whether transactions past the daily-totals mark exist, and how many this writer booked since it last moved.
    private var unsettled = false
    private var bookedSinceSettle = 0
    /// Bookings after which the mark moves even mid-write, so the view's unfolded tail stays short and
    /// the fold's sort stays small in memory.
    static let settleEvery = 10_000
    var failed: Error?

    private struct PriceKey: Hashable {
        let base: String, quote: String, date: LedgerDate
    }

    init(db: Database, settings: LedgerSettings) throws {
        self.db = db
        self.settings = settings
        head = (0, CanonicalForm.genesis)
        for row in try Row.fetchAll(db, sql: "SELECT code, scale FROM commodity") {
            scales[row[0]] = row[1]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, type, open_date, close_date FROM account") {
            let name: String = row[1]
            let typeText: String = row[2]
            let closeText: String? = row[4]
            guard let type = AccountType(rawValue: typeText) else { throw LedgerError.database("account \(name): bad type") }
            accounts[name] = AccountInfo(id: row[0], type: type, open: try LedgerDate(row[3]),
                                         close: try closeText.map(LedgerDate.init))
            accountNames[row[0]] = name
        }
        head = try LedgerWriter.readHead(db)
        unsettled = try Bool.fetchOne(db, sql: """
            SELECT coalesce((SELECT max(id) FROM txn), 0) > (SELECT through_txn FROM account_day_mark)
            """) ?? false
        for row in try Row.fetchAll(db, sql: """
            SELECT b.id, a.name, b.commodity, b.date FROM balance_assertion b JOIN account a ON a.id = b.account_id
            """) {
            assertions.append((row[0], row[1], row[2], try LedgerDate(row[3])))
        }
    }

    static func readHead(_ db: Database) throws -> (id: Int64, hash: [UInt8]) {
        var best: (Int64, [UInt8]) = (0, CanonicalForm.genesis)
        for table in ["txn", "price", "balance_assertion", "document"] {
            if let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM \(table) ORDER BY id DESC LIMIT 1") {
                let id: Int64 = row[0]
                if id > best.0 { best = (id, [UInt8]((row[1] as Data))) }
            }
        }
        return best
    }

    /// Notes one more sealed transaction; folds the daily totals in once enough have accumulated.
    func noteBooked() throws {
        unsettled = true
        bookedSinceSettle += 1
        if bookedSinceSettle >= LedgerWriter.settleEvery { try settleDailyTotals() }
    }

    /// Moves the daily-totals mark to the last transaction: the database folds everything booked since
    /// into `account_day_store` in one grouped statement. Runs before commit and before reads of `account_day`
    /// inside a write, which would otherwise scan the unfolded postings.
    func settleDailyTotals() throws {
        try writePending()
        guard unsettled else { return }
        try db.cachedStatement(sql: "UPDATE account_day_mark SET through_txn = (SELECT coalesce(max(id), 0) FROM txn)").execute()
        unsettled = false
        bookedSinceSettle = 0
    }

    /// The chain head: id and hash of the last journal record (hash of 32 zero bytes when empty).
    public var headID: Int64 { head.id }
    public var headHash: String { Hex.lower(head.hash) }

    func guardUsable() throws {
        if let failed { throw failed }
    }

    func run<T>(_ body: () throws -> T) throws -> T {
        try guardUsable()
        do {
            return try body()
        } catch let error as DatabaseError {
            let mapped = LedgerError(error)
            failed = mapped
            throw mapped
        } catch {
            failed = error
            throw error
        }
    }

    // MARK: Commodities and accounts

    /// Registers a commodity (idempotent when the scale matches).
    public func addCommodity(_ commodity: Commodity) throws {
        try run {
            if let scale = scales[commodity.code] {
                guard scale == commodity.scale else {
                    throw LedgerError.invalidSetting(key: "commodity \(commodity.code)", value: String(commodity.scale),
                                                     reason: "already registered with scale \(scale)")
                }
                return
            }
            try db.execute(sql: "INSERT INTO commodity(code, scale) VALUES (?, ?)", arguments: [commodity.code, commodity.scale])
            try record(date: settings.accountingDate(of: Date()), kind: ConfigurationRecords.commodityKind, naturalKey: commodity.code,
                       body: ConfigurationRecords.commodityBody(code: commodity.code, scale: commodity.scale))
            scales[commodity.code] = commodity.scale
        }
    }

    /// The scale of a registered commodity.
    public func scale(of code: String) throws -> Int {
        guard let s = knownScale(code) else { throw LedgerError.unknownCommodity(code) }
        return s
    }

    /// The scale of `code`, nil when it is not registered.
    func knownScale(_ code: String) -> Int? {
        if let recent = recentScale, recent.code == code { return recent.scale }
        guard let s = scales[code] else { return nil }
        recentScale = (code, s)
        return s
    }

    /// The ledger's account `name`, nil when it has none; the last eight found are compared before the lookup.
    func knownAccount(_ name: String) -> AccountInfo? {
        for recent in recentAccounts where recent.name == name { return recent.info }
        guard let info = accounts[name] else { return nil }
        if recentAccounts.count < 8 { recentAccounts.append((name, info)) } else { recentAccounts[nextRecent] = (name, info) }
        nextRecent = (nextRecent + 1) & 7
        return info
    }

    /// Opens `name` on `date` (no-op when already open on or before that date). Returns its id.
    @discardableResult
    public func openAccount(_ name: String, on date: LedgerDate, metadata: String? = nil) throws -> Int64 {
        try run {
            if let info = accounts[name] {
                guard info.open <= date else { throw LedgerError.accountNotOpen(account: name, date: date, opened: info.open) }
                return info.id
            }
            let type = try AccountName.validate(name)
            try db.execute(sql: "INSERT INTO account(name, type, open_date, metadata) VALUES (?, ?, ?, ?)",
                           arguments: [name, type.rawValue, date.description, metadata])
            let id = db.lastInsertedRowID
            try record(date: date, kind: ConfigurationRecords.accountKind, naturalKey: name,
                       body: ConfigurationRecords.accountBody(name: name, type: type.rawValue, open: date.description, metadata: metadata))
            accounts[name] = AccountInfo(id: id, type: type, open: date, close: nil)
            accountNames[id] = name
            return id
        }
    }

    /// Closes `name` on `date`; it must hold nothing in any commodity and have no later postings.
    public func closeAccount(_ name: String, on date: LedgerDate) throws {
        try run {
            guard let info = accounts[name] else { throw LedgerError.unknownAccount(name) }
            if let closed = info.close { throw LedgerError.accountAlreadyClosed(account: name, closed: closed) }
            guard info.open <= date else { throw LedgerError.accountNotOpen(account: name, date: date, opened: info.open) }
            try settleDailyTotals()
            let rows = try Row.fetchAll(db, sql: """
                SELECT commodity, sum(amount) FROM account_day WHERE account_id = ? GROUP BY commodity
                HAVING sum(amount) <> 0 ORDER BY commodity LIMIT 1
                """, arguments: [info.id])
            if let row = rows.first {
                throw LedgerError.accountNotEmpty(account: name, commodity: row[0], amount: row[1])
            }
            try db.execute(sql: "UPDATE account SET close_date = ? WHERE id = ?", arguments: [date.description, info.id])
            try record(date: date, kind: ConfigurationRecords.accountCloseKind, naturalKey: name,
                       body: ConfigurationRecords.closeBody(name: name, close: date.description))
            accounts[name]?.close = date
            recentAccounts.removeAll()
        }
    }

    // MARK: Prices

    /// Records the price of one `base` in `quote` minor units on `date`. Returns its journal id.
    @discardableResult
    public func addPrice(date: LedgerDate, base: String, quote: String, price: Int64, source: String? = nil,
                         batch: Int64? = nil) throws -> Int64 {
        try writePending()
        return try run {
            _ = try scale(of: base)
            _ = try scale(of: quote)
            guard price > 0 else { throw LedgerError.invalidPrice(price) }
            if try recordedPrice(base: base, quote: quote, on: date) != nil {
                throw LedgerError.duplicatePrice(base: base, quote: quote, date: date)
            }
            let id = head.id + 1
            let bytes = CanonicalForm.price(id: id, date: date.description, base: base, quote: quote, price: price,
                                            source: source, batch: batch)
            let hash = CanonicalForm.chain(previous: head.hash, record: bytes)
            let statement = try db.cachedStatement(sql: """
                INSERT INTO price(id, date, base, quote, price, source, batch, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try statement.execute(arguments: [id, date.description, base, quote, price, source, batch, Data(hash)])
            head = (id, hash)
            priceCache.removeAll()
            lastPrice = nil
            return id
        }
    }

    /// The price recorded exactly on `date`, if any.
    public func recordedPrice(base: String, quote: String, on date: LedgerDate) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT price FROM price WHERE base = ? AND quote = ? AND date = ?",
                           arguments: [base, quote, date.description])
    }

    /// The latest price of `base` in `quote` on or before `date`, with its date.
    public func price(base: String, quote: String, onOrBefore date: LedgerDate) throws -> (date: LedgerDate, price: Int64)? {
        let key = PriceKey(base: base, quote: quote, date: date)
        if let cached = priceCache[key] { return cached }
        let found = try PriceQueries.latest(db, base: base, quote: quote, onOrBefore: date)
        priceCache[key] = found
        return found
    }

    /// The value of `amount` of `commodity` on `date` at the booking price (at most `maxPriceAgeDays` old).
    public func value(of amount: Int64, _ commodity: String, on date: LedgerDate) throws -> Int64 {
        if commodity == settings.functionalCurrency { return amount }
        return try foreignValue(of: amount, commodity, scale: try scale(of: commodity), on: date)
    }

    /// ``value(of:_:on:)`` for a commodity other than the functional currency whose scale is known.
    /// The last price looked up is kept apart from the cache: bookings come in runs of one commodity and date.
    func foreignValue(of amount: Int64, _ commodity: String, scale: Int, on date: LedgerDate) throws -> Int64 {
        let functional = settings.functionalCurrency
        let found: (date: LedgerDate, price: Int64)?
        if let last = lastPrice, last.date == date, last.commodity == commodity {
            found = last.found
        } else {
            found = try price(base: commodity, quote: functional, onOrBefore: date)
            lastPrice = (commodity, date, found)
        }
        guard let (priceDate, price) = found else {
            throw LedgerError.noPrice(base: commodity, quote: functional, date: date)
        }
        guard date.dayNumber - priceDate.dayNumber <= settings.maxPriceAgeDays else {
            throw LedgerError.priceTooOld(base: commodity, quote: functional, date: date, latest: priceDate,
                                          maxAgeDays: settings.maxPriceAgeDays)
        }
        do {
            return try Valuation.value(amount: amount, price: price, amountScale: scale)
        } catch let error as MoneyError {
            throw LedgerError.money(error)
        }
    }
}

/// Lowercase hex (the ledger does not depend on the Bitcoin module's `Hex`).
enum Hex {
    static func lower<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out = [UInt8]()
        for i in stride(from: 0, to: chars.count, by: 2) {
            guard let h = nibble(chars[i]), let l = nibble(chars[i + 1]) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }
}
