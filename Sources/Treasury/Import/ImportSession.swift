import Bitcoin
import Crypto
import Foundation
import GRDB
import Ledger

/// A record whose natural key is booked with different content.
struct ConflictError: Error {
    let error: InputError
}

/// The state of one import: the ledger write it runs in, its batch, caches, counts and errors.
///
/// Records are checked and booked one by one inside a single SQLite transaction; when any record fails (or on a
/// dry run) the runner rolls the whole transaction back, so a file is booked entirely or not at all.
final class ImportSession {
    let writer: LedgerWriter
    let options: ImportOptions
    let file: String
    let network: Network
    let zone: TimeZone
    let pools: PoolDirectory
    let wallets: WalletDirectory
    let batch: Int64
    var outcome = ImportOutcome()
    /// Set when the ledger refused a write: the transaction is unusable and the import stops.
    private(set) var stopped = false
    /// Why the import stopped when it is not the input's fault: the ledger could not be written (disk full, an I/O
    /// error) or the input could not be read. Reported as such (exit 74), at no line.
    private(set) var failure: Error?
    /// Line of each journal record booked here, indexed by record id minus `baseID` minus 1 (0 = not booked here).
    private var bookedLines: [Int32] = []
    private let baseID: Int64
    /// Each address looked up, with its reserve wallet if any.
    private var walletCache: [String: KnownAddress] = [:]
    /// The last four addresses looked up, compared before `walletCache` is hashed: payouts go to a few addresses.
    private var recentAddresses: [(text: String, entry: KnownAddress)] = []
    private struct KnownAddress {
        let wallet: String?
    }
    private var nextRecentAddress = 0
    /// The earliest accounting date of the input: accounts it opens are opened on that date.
    var earliestDate: LedgerDate?
    /// Finds `earliestDate` (a pass over the input), run only when the import first has to open an account.
    var findEarliestDate: (() -> LedgerDate?)?
    private var openDates: [String: LedgerDate] = [:]
    /// Posting-account sets already checked open, with the latest open date among each: imports book the same few
    /// sets record after record, and a record dated on or after that date needs no check account by account.
    private var checkedAccounts: [(accounts: [String], openFrom: LedgerDate)] = []
    private var nextChecked = 0
    /// Reserve outputs recorded but not written yet, their inserts by number of rows, and how many may wait
    /// (1: written as recorded; see `deferringWrites`).
    var pendingOutputs: [PendingOutput] = []
    var outputInserts: [Int: RawStatement] = [:]
    private(set) var deferLimit = 1
    /// What payouts of a site share, with the pool they were found for (see `payoutRoute`).
    var payoutRoutes: [String: PayoutRoute] = [:]

    init(writer: LedgerWriter, options: ImportOptions, file: String, wallets: WalletDirectory) throws {
        self.writer = writer
        self.options = options
        self.file = file
        self.wallets = wallets
        let networkName = writer.settings.extra["network"] ?? "main"
        guard let network = Network(name: networkName) else {
            throw InputError(file: file, line: 0, message: "the ledger's network setting \"\(networkName)\" is not a network")
        }
        self.network = network
        zone = writer.settings.zone
        pools = PoolDirectory(writer: writer)
        pools.allowsNewPools = options.allowsNewPools
        pools.allowsNewSites = options.allowsNewSites
        batch = try writer.nextBatchID()
        baseID = writer.headID
        outcome.dryRun = options.dryRun
    }

    /// Whether records are listed (`--dry-run`): descriptions are worth building only then.
    var listing: Bool { options.onRecord != nil }

    /// The booking rules with this import's price rule, made once per import.
    lazy var rules: BookingRules = BookingRules { [writer, options] amount, commodity, date in
        guard let maxAge = options.maxPriceAgeDays else { return try writer.value(of: amount, commodity, on: date) }
        let functional = writer.settings.functionalCurrency
        if commodity == functional { return amount }
        let scale = try writer.scale(of: commodity)
        guard let (priceDate, price) = try writer.price(base: commodity, quote: functional, onOrBefore: date) else {
            throw LedgerError.noPrice(base: commodity, quote: functional, date: date)
        }
        guard date.dayNumber - priceDate.dayNumber <= maxAge else {
            throw LedgerError.priceTooOld(base: commodity, quote: functional, date: date, latest: priceDate, maxAgeDays: maxAge)
        }
        do { return try Valuation.value(amount: amount, price: price, amountScale: scale) } catch let e as MoneyError {
            throw LedgerError.money(e)
        }
    }

    // MARK: Records

    /// Runs `body` for the record at `line`, turning its failure into a counted error. Returns the record's
    /// outcome (nil when it failed).
    @discardableResult
    func handle(line: Int, _ body: () throws -> ImportedRecord) -> ImportedRecord? {
        guard !stopped else { return nil }
        do {
            let record = try body()
            switch record.status {
            case .new: outcome.counts.new += 1
            case .alreadyBooked: outcome.counts.alreadyBooked += 1
            case .conflicting: outcome.counts.conflicting += 1
            case .rejected: outcome.counts.rejected += 1
            }
            options.onRecord?(record)
            return record
        } catch let conflict as ConflictError {
            outcome.counts.conflicting += 1
            report(conflict.error)
            options.onRecord?(ImportedRecord(line: line, key: "", status: .conflicting, date: "", description: conflict.error.message))
        } catch let error as InputError {
            reject(error)
        } catch let error as LedgerError {
            stopped = true
            if error.isStorageFailure { fail(error) } else { reject(refusal(error, line: line)) }
        } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
            fail(LedgerError.database(error.message ?? error.description))
        } catch {
            stopped = true
            reject(InputError(file: file, line: line, message: "\(error)"))
        }
        return nil
    }

    /// Runs `body` (the whole import) with its transactions and outputs written `ImportSession.deferred` at a time by
    /// multi-row inserts instead of one by one (see `LedgerWriter.deferringWrites`), then writes the rest. Only for
    /// imports whose records read nothing from the journal but natural keys. A write the database refuses is
    /// reported at the line of the record it came from.
    func deferringWrites(_ body: () throws -> String) throws -> String {
        deferLimit = ImportSession.deferred
        defer { deferLimit = 1 }
        return try writer.deferringWrites(upTo: ImportSession.deferred) {
            let sha = try body()
            guard !stopped else { return sha }
            // A refusal now is of a record already counted new.
            do {
                try writer.writePending()
                try writeOutputs()
            } catch let error as InputError {
                outcome.counts.new -= 1
                reject(error)
            } catch let error as LedgerError where error.isStorageFailure {
                fail(error)
            } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
                fail(LedgerError.database(error.message ?? error.description))
            } catch let error as LedgerError {
                stopped = true
                outcome.counts.new -= 1
                reject(refusal(error, line: 0))
            }
            return sha
        }
    }

    /// Records written together by `deferringWrites`: 16 payouts' rows cost SQLite about a sixth less than one by one.
    static let deferred = 16

    /// The error of a record the ledger refused: at the line of the refused transaction when its writing was deferred.
    private func refusal(_ error: LedgerError, line: Int) -> InputError {
        if case .refusedTransaction(let id, let reason) = error {
            let booked = lineBooked(id)
            return InputError(file: file, line: booked > 0 ? booked : line, message: "the ledger refused this record: \(reason.description)")
        }
        return InputError(file: file, line: line, message: "the ledger refused this record: \(error.description)")
    }

    /// The file's error when its records name pools or sites not declared while new ones are not allowed: all of
    /// them in one error (line 0, the whole file), so that they can be declared in one go.
    func refuseNewNames() {
        func list(_ names: [String]) -> String { names.map { "\"\(Echo.value($0))\"" }.joined(separator: ", ") }
        var parts: [String] = []
        if !pools.newSites.isEmpty {
            parts.append("undeclared site\(pools.newSites.count == 1 ? "" : "s") \(list(pools.newSites)) (declare with `reserve site add SITE`, or import with --new-sites)")
        }
        if !pools.newPools.isEmpty {
            parts.append("undeclared pool\(pools.newPools.count == 1 ? "" : "s") \(list(pools.newPools)) (declare with `reserve pool add POOL --basis cash|accrual`, or import with --new-pools)")
        }
        guard !parts.isEmpty else { return }
        report(InputError(file: file, line: 0, message: parts.joined(separator: "; ")))
    }

    /// Stops the import on a failure that is not the input's (see `failure`); the first one is kept.
    func fail(_ error: Error) {
        stopped = true
        if failure == nil { failure = error }
    }

    /// Counts a rejected record and keeps its error (up to the limit); an input that could not be read stops the
    /// import instead.
    func reject(_ error: InputError) {
        if error.isReadFailure { return fail(ImportReadError(message: error.message)) }
        outcome.counts.rejected += 1
        report(error)
        options.onRecord?(ImportedRecord(line: error.line, key: "", status: .rejected, date: "", description: error.description))
    }

    private func report(_ error: InputError) {
        outcome.errorCount += 1
        if outcome.errors.count < options.errorLimit { outcome.errors.append(error) }
    }

    func error(_ line: Int, _ column: String?, _ message: String) -> InputError {
        InputError(file: file, line: line, column: column, message: message)
    }

    // MARK: Natural keys

    enum KeyState {
        case new
        case alreadyBooked
    }

    /// The stored form of a record's content: `kind:` and the first 16 bytes (hex) of the SHA-256 of its canonical
    /// text, so re-imports compare content without storing it again in every transaction.
    static func fingerprint(_ kind: String, _ canonical: String) -> String {
        var text = canonical
        return text.withUTF8 { fingerprint(kind, utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of canonical text given as UTF-8 bytes.
    static func fingerprint(_ kind: String, utf8: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(bufferPointer: utf8)
        let digest = hasher.finalize()
        return digest.withUnsafeBytes { bytes in
            let digits: StaticString = "0123456789abcdef"
            var kind = kind
            return kind.withUTF8 { prefix in
                String(unsafeUninitializedCapacity: prefix.count + 33) { out in
                    _ = out.initialize(fromContentsOf: prefix)
                    out[prefix.count] = UInt8(ascii: ":")
                    for i in 0..<16 {
                        out[prefix.count + 1 + 2 * i] = digits.utf8Start[Int(bytes[i] >> 4)]
                        out[prefix.count + 2 + 2 * i] = digits.utf8Start[Int(bytes[i] & 0x0F)]
                    }
                    return prefix.count + 33
                }
            }
        }
    }

    /// Whether `key` is free, booked with the same `fingerprint` (already booked), booked with other content
    /// (a conflict), or booked earlier in this same file (a duplicate).
    func check(key: String, fingerprint: String, line: Int) throws -> KeyState {
        guard let id = try writer.bookedTransactionID(naturalKey: key) else { return .new }
        if bookedHere(id) {
            let first = lineBooked(id)
            throw error(line, nil, "duplicate key \(key) inside this file" + (first > 0 ? " (first on line \(first))" : ""))
        }
        let stored = try String.fetchOne(writer.db, sql: "SELECT metadata FROM txn WHERE id = ?", arguments: [id])
        if stored == fingerprint { return .alreadyBooked }
        throw ConflictError(error: error(line, nil,
            "conflict: \(key) is already booked (transaction \(id)) with different content (content hash \(stored ?? "none"), this file's \(fingerprint))"))
    }

    /// Books one transaction for the record at `line`; returns its id.
    func book(line: Int, key: String?, fingerprint: String, date: LedgerDate, narration: String, source: String,
              postings: [PostingDraft]) throws -> Int64 {
        if !accountsChecked(postings, on: date) {
            var latest: LedgerDate?
            for p in postings {
                let open = try ensureOpen(p.account, on: date, line: line)
                latest = max(latest ?? open, open)
            }
            if let latest {
                let entry = (postings.map(\.account), latest)
                if checkedAccounts.count < 16 { checkedAccounts.append(entry) } else { checkedAccounts[nextChecked] = entry }
                nextChecked = (nextChecked + 1) & 15
            }
        }
        let id = try writer.book(TransactionDraft(date: date, narration: narration, postings: postings, source: source,
                                                  naturalKey: key, metadata: fingerprint, batch: batch))
        noteBooked(id: id, line: line)
        return id
    }

    /// Whether journal record `id` was booked by this import.
    func bookedHere(_ id: Int64) -> Bool { id > baseID }

    /// The line journal record `id` was booked from in this import (0 when unknown).
    func lineBooked(_ id: Int64) -> Int {
        let index = Int(id - baseID - 1)
        return index >= 0 && index < bookedLines.count ? Int(bookedLines[index]) : 0
    }

    /// Whether every account of `postings` was checked open on or before `date` (see `checkedAccounts`).
    private func accountsChecked(_ postings: [PostingDraft], on date: LedgerDate) -> Bool {
        search: for checked in checkedAccounts where checked.accounts.count == postings.count {
            for (name, p) in zip(checked.accounts, postings) where name != p.account { continue search }
            return checked.openFrom <= date
        }
        return false
    }

    /// Opens `account` on the input's earliest date when the ledger does not have it yet; an account opened after
    /// `date` (by an earlier import) cannot take this record. Returns its open date.
    private func ensureOpen(_ account: String, on date: LedgerDate, line: Int) throws -> LedgerDate {
        let open: LedgerDate
        if let known = openDates[account] {
            open = known
        } else if let text = try String.fetchOne(writer.db, sql: "SELECT open_date FROM account WHERE name = ?", arguments: [account]) {
            open = try LedgerDate(text)
            openDates[account] = open
        } else {
            if let find = findEarliestDate {
                findEarliestDate = nil
                earliestDate = find()
            }
            open = min(earliestDate ?? date, date)
            try writer.openAccount(account, on: open)
            openDates[account] = open
        }
        guard open <= date else {
            throw error(line, nil, "account \(account) was opened on \(open) by an earlier import; this record is dated \(date), before it")
        }
        return open
    }

    /// Remembers that journal record `id` came from `line` (to name the first line of a duplicate).
    func noteBooked(id: Int64, line: Int) {
        let index = Int(id - baseID - 1)
        guard index >= 0 else { return }
        if bookedLines.count < index { bookedLines.append(contentsOf: repeatElement(0, count: index - bookedLines.count)) }
        if bookedLines.count == index { bookedLines.append(Int32(clamping: line)) }
    }

    /// Values with the ledger's price rule, turning a missing or stale price into an error at `column`.
    func valuing<T>(line: Int, column: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as LedgerError {
            throw error(line, column, e.description)
        }
    }

    // MARK: Addresses and wallets

    /// The reserve wallet of the address `text` whose script is `script`, or the error at `column` when the address
    /// is no registered reserve wallet's.
    func reserveWallet(_ text: String, script: [UInt8], line: Int, column: String) throws -> String {
        let wallet: String?
        if let known = recentAddresses.first(where: { $0.text == text })?.entry ?? cachedAddress(text) {
            wallet = known.wallet
        } else {
            wallet = try wallets.wallet(owning: script, in: writer.db)
            if walletCache.count > 100_000 { walletCache.removeAll(keepingCapacity: true) }
            walletCache[text] = KnownAddress(wallet: wallet)
        }
        guard let wallet else { throw error(line, column, "address \(Echo.value(text)) does not belong to a registered reserve wallet") }
        return wallet
    }

    /// The `walletCache` entry of `text`, kept among the recent addresses when found.
    private func cachedAddress(_ text: String) -> KnownAddress? {
        guard let entry = walletCache[text] else { return nil }
        if recentAddresses.count < 4 { recentAddresses.append((text, entry)) } else { recentAddresses[nextRecentAddress] = (text, entry) }
        nextRecentAddress = (nextRecentAddress + 1) & 3
        return entry
    }

    /// The accounting date of a timestamp in the ledger's time zone.
    func accountingDate(_ t: ISOTimestamp) -> LedgerDate { t.accountingDate(in: zone) }

    /// Progress now and then.
    func progress(_ read: Int, _ total: Int?) {
        let c = outcome.counts
        options.onProgress?(read, total, c.new + c.alreadyBooked + c.conflicting + c.rejected)
    }
}
