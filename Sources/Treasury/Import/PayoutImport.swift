import Bitcoin
import Foundation
import GRDB
import Ledger

/// A payout as read from any source, before booking.
struct PayoutRow {
    var line: Int
    var paidAt: ISOTimestamp
    var pool: String
    var site: String
    var amount: Int64
    var fee: Int64
    var address: String
    var txid: String
    /// Nil when the pool did not say (F2Pool): the output is then matched later by txid and address.
    var vout: UInt32?
    /// The pool's own payout id, the key when there is no vout.
    var payoutID: String?
    /// Columns to name in errors.
    var columns: (date: String, amount: String, address: String, fee: String, pool: String, site: String)
    /// What `derive` works out without the ledger.
    var derived = PayoutDerived()
}

/// What a payout gives without the ledger: its accounting date, natural key, the script of its address (or why the
/// address is refused) and its content hash. CSV payouts get it on the reading thread, off the booking thread's path.
struct PayoutDerived: Sendable {
    var date = LedgerDate(year: 1970, month: 1, day: 1)!
    var key = ""
    var script: [UInt8] = []
    /// Why the address is not one of the ledger's network, nil when it is.
    var addressError: String?
    /// The content hash (see `ImportSession.fingerprint`), of the canonical text below.
    var fingerprint = ""
}

extension PayoutRow {
    /// Fills `derived` for a ledger on `network` in time zone `zone`.
    mutating func derive(network: Network, zone: TimeZone) {
        derived.date = paidAt.accountingDate(in: zone)
        var t = CanonicalText()
        t.append("payout:")
        if let vout {
            t.append(contentsOf: txid); t.append(":"); t.append(Int64(vout))
        } else {
            t.append(contentsOf: pool); t.append(":"); t.append(contentsOf: payoutID ?? txid)
        }
        derived.key = String(decoding: t.bytes, as: UTF8.self)
        let parsed: Address
        do {
            parsed = try Address.parse(address)
            try parsed.require(network)
        } catch {
            derived.addressError = error.description
            return
        }
        derived.script = parsed.scriptPubKey
        t.reset()
        t.append("paid_at="); t.append(paidAt)
        t.append(";pool="); t.append(contentsOf: pool)
        t.append(";site="); t.append(contentsOf: site)
        t.append(";amount="); t.append(amount)
        t.append(";fee="); t.append(fee)
        t.append(";script="); t.appendHex(derived.script)
        t.append(";txid="); t.append(contentsOf: txid)
        t.append(";vout="); if let vout { t.append(Int64(vout)) }
        derived.fingerprint = t.bytes.withUnsafeBytes { ImportSession.fingerprint("payout", utf8: $0) }
    }
}

extension PayoutRow {
    /// The canonical text a payout's content hash covers, from plain values: the reference that `derive` writes
    /// byte by byte on the reading thread, and what `verify ledger` recomputes from a stored output row.
    static func canonicalText(paidAt: String, pool: String, site: String, amount: Int64, fee: Int64, script: [UInt8],
                              txid: String, vout: Int64?) -> String {
        "paid_at=\(paidAt);pool=\(pool);site=\(site);amount=\(amount);fee=\(fee);script=\(Hex.encode(script));"
            + "txid=\(txid);vout=\(vout.map { String($0) } ?? "")"
    }
}

/// The payouts CSV's columns, resolved once per file.
final class PayoutColumns: Sendable {
    let paidAt, pool, site, amount, address, txid, vout, fee: CSVColumn

    init(_ header: CSVHeader) {
        (paidAt, pool, site, amount) = (header.column("paid_at"), header.column("pool"), header.column("site"), header.column("amount_btc"))
        (address, txid, vout, fee) = (header.column("address"), header.column("txid"), header.column("vout"), header.column("fee_btc"))
    }
}

extension Importer {
    /// Columns of the canonical payouts CSV.
    public static let payoutSchema = CSVSchema(
        required: ["paid_at", "pool", "site", "amount_btc", "address", "txid", "vout"], optional: ["fee_btc"])

    /// `reserve import payouts FILE`: the canonical payouts CSV. Rows are parsed on the reading thread.
    public func importPayouts(csv path: String, options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        return try run(.payouts, file: Importer.displayName(path), options: options) { session in
            try session.deferringWrites {
                try Importer.eachRecord(
                    session, path: path, Importer.payoutSchema,
                    date: ("paid_at", ISOTimestamp.parse(utf8:)),
                    prepare: { [network = session.network, zone = session.zone] header in
                        let c = PayoutColumns(header)
                        return { r in
                            var row = try Importer.payoutRow(r, c)
                            row.derive(network: network, zone: zone)
                            return row
                        }
                    }
                ) { row in try Importer.bookPayout(row, session) }
            }
        }
    }

    /// The fields of one canonical payouts record, parsed and checked (nothing that needs the ledger).
    static func payoutRow(_ r: CSVRecord, _ c: PayoutColumns) throws -> PayoutRow {
        PayoutRow(
            line: r.line,
            paidAt: try r.parse(c.paidAt, ISOTimestamp.parse),
            pool: try r.parse(c.pool, Identifiers.pool),
            site: try r.parse(c.site, Identifiers.site),
            amount: try r.parse(c.amount, Amounts.btc),
            fee: try r.parseOptional(c.fee, Amounts.btcOrZero) ?? 0,
            address: r[c.address] ?? "",
            txid: try r.parse(c.txid, Identifiers.txid),
            vout: try r.parse(c.vout, Identifiers.vout),
            payoutID: nil,
            columns: ("paid_at", "amount_btc", "address", "fee_btc", "pool", "site"))
    }

    /// `reserve import payouts FILE --source f2pool --pool ID --site ID`: payouts of F2Pool's transaction list.
    public func importPayouts(f2pool path: String, pool: String, site: String,
                              options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        let file = path == "-" ? "stdin" : path
        return try run(.payouts, file: file, options: options) { session in
            try session.deferringWrites {
                let (root, sha) = try Importer.readJSON(path)
                let entries = try F2PoolFile.entries(root, file: file)
                session.earliestDate = entries.compactMap { entry -> LedgerDate? in
                    guard case .payout(let p) = entry.kind else { return nil }
                    return session.accountingDate(.unix(p.paidTime))
                }.min()
                var others = 0
                for entry in entries {
                    guard case .payout(let p) = entry.kind else { others += 1; continue }
                    session.handle(line: entry.line) {
                        var row = PayoutRow(
                            line: entry.line, paidAt: .unix(p.paidTime), pool: pool, site: site, amount: p.amount, fee: 0,
                            address: p.address, txid: p.txid, vout: nil, payoutID: String(entry.id),
                            columns: (p.path + ".paid_time", p.path + ".value", p.path + ".address", "", "--pool", "--site"))
                        row.derive(network: session.network, zone: session.zone)
                        return try Importer.bookPayout(row, session)
                    }
                }
                if others > 0 {
                    session.outcome.notes.append("\(others) entries are earnings or other kinds; import earnings with `reserve import earnings --source f2pool`")
                }
                return sha
            }
        }
    }

    /// Checks and books one payout: pool basis, site, wallet, natural key, valuation; records the output.
    static func bookPayout(_ row: PayoutRow, _ session: ImportSession) throws -> ImportedRecord {
        let line = row.line
        let route = try session.payoutRoute(pool: row.pool, site: row.site, line: line, column: row.columns.site)
        let basis = route.basis
        if basis == .accrual, row.fee > 0 {
            throw session.error(line, row.columns.fee,
                "pool \(row.pool) is on accrual basis: its fees are in its earnings, so payouts carry no fee_btc")
        }
        if let refused = row.derived.addressError {
            throw session.error(line, row.columns.address, "address \(Echo.value(row.address)): \(refused)")
        }
        let wallet = try session.reserveWallet(row.address, script: row.derived.script, line: line, column: row.columns.address)
        let (key, fingerprint, date) = (row.derived.key, row.derived.fingerprint, row.derived.date)
        // The date and description in words are for listings only.
        let (dateText, description) = session.listing
            ? (date.description, "\(MinorUnits.format(row.amount, scale: 8)) BTC to \(ReserveAccounts.reserve(wallet: wallet)) from \(row.pool) (\(basis))")
            : ("", "")
        if try session.check(key: key, fingerprint: fingerprint, line: line) == .alreadyBooked {
            return ImportedRecord(line: line, key: key, status: .alreadyBooked, date: dateText, description: description)
        }
        let event = PayoutEvent(date: date, pool: row.pool, site: row.site, wallet: wallet, amount: row.amount, fee: row.fee, basis: basis)
        let postings = try session.valuing(line: line, column: row.columns.date) { try session.rules.payout(event) }
        let id = try session.book(line: line, key: key, fingerprint: fingerprint, date: date,
                                  narration: route.narration, source: "payouts", postings: postings)
        try session.recordOutput(txid: row.txid, vout: row.vout, wallet: wallet, script: row.derived.script, amount: row.amount,
                                 txnID: id, line: line,
                                 payout: PayoutOrigin(paidAt: row.paidAt.description, pool: row.pool, site: row.site, fee: row.fee))
        return ImportedRecord(line: line, key: key, status: .new, date: dateText, description: description)
    }
}

/// What payouts of one pool to one site share: the pool's basis and the narration `Payout from POOL for SITE`.
struct PayoutRoute {
    let pool: String
    let basis: PoolBasis
    let narration: String
}

extension ImportSession {
    /// The route of `pool` and `site`, found once per site (while its pool stays the same): the pool's basis and the
    /// site's record, or their error at `column`.
    func payoutRoute(pool: String, site: String, line: Int, column: String) throws -> PayoutRoute {
        if let known = payoutRoutes[site], known.pool == pool { return known }
        let route: PayoutRoute
        do {
            route = PayoutRoute(pool: pool, basis: try pools.basis(of: pool), narration: "Payout from \(pool) for \(site)")
            try pools.useSite(site)
        } catch let e as PoolError {
            throw error(line, column, e.description)
        }
        payoutRoutes[site] = route
        return route
    }

    /// Records an output the reserve now holds: queued, and written with others by one multi-row insert (see
    /// `deferringWrites`).
    func recordOutput(txid: String, vout: UInt32?, wallet: String, script: [UInt8], amount: Int64, txnID: Int64, line: Int,
                      payout: PayoutOrigin? = nil) throws {
        pendingOutputs.append(PendingOutput(txid: txid, vout: vout.map { Int64($0) }, wallet: wallet, script: script,
                                            amount: amount, txnID: txnID, line: line, payout: payout))
        if pendingOutputs.count >= deferLimit { try writeOutputs() }
    }

    /// Writes the queued outputs. When the database refuses the group, they are written one by one so that the error
    /// names the record whose output is already recorded.
    func writeOutputs() throws {
        guard !pendingOutputs.isEmpty else { return }
        defer { pendingOutputs.removeAll(keepingCapacity: true) }
        do {
            try insertOutputs(pendingOutputs[...])
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
            // The failed statement left nothing behind.
            for i in pendingOutputs.indices {
                do {
                    try insertOutputs(pendingOutputs[i...i])
                } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                    let o = pendingOutputs[i]
                    throw error(o.line, nil, "output \(o.txid):\(o.vout.map { String($0) } ?? "?") is already recorded as a reserve output")
                }
            }
        }
    }

    private func insertOutputs(_ outputs: ArraySlice<PendingOutput>) throws {
        let insert = try outputInsert(rows: outputs.count)
        var o: Int32 = 0
        for output in outputs {
            insert.bind(o + 1, output.txid); insert.bind(o + 2, output.vout); insert.bind(o + 3, output.wallet)
            insert.bind(o + 4, blob: output.script); insert.bind(o + 5, output.amount); insert.bind(o + 6, output.txnID)
            insert.bind(o + 7, batch)
            insert.bind(o + 8, output.payout?.paidAt); insert.bind(o + 9, output.payout?.pool)
            insert.bind(o + 10, output.payout?.site); insert.bind(o + 11, output.payout?.fee)
            o += 11
        }
        try insert.run()
    }

    /// The insert of `rows` reserve outputs, prepared once per import for each number of rows used.
    private func outputInsert(rows: Int) throws -> RawStatement {
        if let prepared = outputInserts[rows] { return prepared }
        let statement = try RawStatement(writer.db, sql: """
            INSERT INTO reserve_output(txid, vout, wallet, script_pubkey, amount, txn_id, batch, paid_at, pool, site, fee)
            VALUES \(repeatElement("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
            """)
        outputInserts[rows] = statement
        return statement
    }
}

/// A reserve output waiting to be written, with the line it came from.
struct PendingOutput {
    let txid: String
    let vout: Int64?
    let wallet: String
    let script: [UInt8]
    let amount: Int64
    let txnID: Int64
    let line: Int
    let payout: PayoutOrigin?
}

/// The fields of a payout's content hash that its output row keeps (the rest are the output's own), so `verify`
/// recomputes the hash the chain holds from the row.
struct PayoutOrigin {
    let paidAt: String
    let pool: String
    let site: String
    let fee: Int64
}
