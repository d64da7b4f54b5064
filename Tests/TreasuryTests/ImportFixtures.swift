import Bitcoin
import Foundation
import GRDB
import Ledger
import TestSupport
@testable import Treasury

/// A fresh ledger (PKR, Asia/Karachi, fiscal year from July, main network) in a temporary directory, with the
/// Treasury tables and two reserve wallets. The directory goes with the fixture, after the ledger is closed: keep
/// the fixture for as long as anything (another store opened at `path`) uses the files.
final class ImportFixture {
    static let hot = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    static let cold = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    static let stranger = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"
    static let testnet = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"

    let temporary: TemporaryDirectory
    let path: String
    let store: LedgerStore
    let wallets: StaticWalletDirectory
    var importer: Importer { Importer(store: store, wallets: wallets) }

    init(basis: [String: PoolBasis] = [:]) throws {
        temporary = try TemporaryDirectory("imports")
        path = temporary.path("ledger.sqlite")
        store = try LedgerStore.create(
            at: path,
            settings: LedgerSettings(functionalCurrency: "PKR", timeZone: "Asia/Karachi", fiscalYearStart: 7,
                                     maxPriceAgeDays: 3, extra: ["network": "main"]),
            commodities: [try Commodity("BTC", scale: 8), try Commodity("PKR", scale: 2), try Commodity("USD", scale: 2)],
            migrations: BookSchema.migrations)
        wallets = StaticWalletDirectory([
            try Address.parse(ImportFixture.hot).scriptPubKey: "hot",
            try Address.parse(ImportFixture.cold).scriptPubKey: "cold",
        ])
        try store.write { writer in
            let pools = PoolDirectory(writer: writer)
            for (pool, b) in basis { try pools.declare(pool, basis: b) }
            for day in 1...28 {
                try writer.addPrice(date: LedgerDate(year: 2026, month: 3, day: day)!, base: "BTC", quote: "PKR", price: 2_850_000_000)
            }
            try writer.addPrice(date: LedgerDate(year: 2026, month: 3, day: 1)!, base: "USD", quote: "PKR", price: 28_050)
        }
    }

    /// Closes the ledger; the directory (a stored property) is removed right after.
    deinit { try? store.database.close() }

    /// Writes `text` to a file named `name` in the fixture's directory; returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = temporary.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Postings of the transactions of `batch`, as (account, commodity, amount, value), in booking order.
    func postings(batch: Int64) throws -> [[(String, String, Int64, Int64)]] {
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM txn WHERE batch = ? ORDER BY id", arguments: [batch]) }
        return try ids.map { id in try store.transaction(id).postings.map { ($0.account, $0.commodity, $0.amount, $0.value) } }
    }

    /// The ledger file's bytes (main file and WAL), to prove nothing was written.
    func fingerprint() throws -> [UInt8] {
        try store.database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func count(_ table: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

/// A payouts CSV from rows of (paid_at, pool, site, amount, address, txid, vout[, fee]).
func payoutsCSV(_ rows: [[String]], fee: Bool = false) -> String {
    var text = "paid_at,pool,site,amount_btc,address,txid,vout" + (fee ? ",fee_btc" : "") + "\n"
    for r in rows { text += r.joined(separator: ",") + "\n" }
    return text
}

func txid(_ n: Int) -> String {
    let hex = String(n, radix: 16)
    return String(repeating: "0", count: 64 - hex.count) + hex
}
