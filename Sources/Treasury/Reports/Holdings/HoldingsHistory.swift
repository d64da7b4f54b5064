import GRDB
import Ledger

/// Each reserve wallet's BTC at the end of every month of a range (the holdings chart), and the month-end price.
public struct HoldingsHistory: Sendable, Equatable {
    public var months: [String]
    /// Wallet account component -> month-end satoshis, one per month.
    public var wallets: [(String, [Int64])]
    /// BTC price in the functional currency on or before each month end (nil before the first price).
    public var prices: [Int64?]

    public static func == (a: HoldingsHistory, b: HoldingsHistory) -> Bool {
        a.months == b.months && a.wallets.map(\.0) == b.wallets.map(\.0) && a.wallets.map(\.1) == b.wallets.map(\.1)
            && a.prices == b.prices
    }

    /// Month-end balances from the per-account daily totals, months `from`'s through `to`'s (inclusive).
    public static func compute(_ store: LedgerStore, from: LedgerDate, to: LedgerDate) throws -> HoldingsHistory {
        var monthEnds: [LedgerDate] = []
        var y = from.year, m = from.month
        while (y, m) <= (to.year, to.month) {
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
            guard let end = LedgerDate(year: y, month: m, day: 1)?.adding(days: -1) else { break }
            monthEnds.append(end)
        }
        let currency = store.settings.functionalCurrency
        return try store.read { db in
            var perWallet: [String: [Int64]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.name, substr(d.date, 1, 7), sum(d.amount) FROM account_day d JOIN account a ON a.id = d.account_id
                WHERE a.name GLOB 'Assets:Reserve:*' AND d.commodity = 'BTC' AND d.date <= ?
                GROUP BY a.name, substr(d.date, 1, 7) ORDER BY a.name, 2
                """, arguments: [to.description])
            var movements: [String: [(String, Int64)]] = [:]
            for r in rows {
                let name = String((r[0] as String).dropFirst("Assets:Reserve:".count))
                movements[name, default: []].append((r[1], r[2]))
            }
            for (name, moves) in movements {
                var series: [Int64] = []
                var balance: Int64 = 0
                var k = 0
                for end in monthEnds {
                    let label = String(end.description.prefix(7))
                    while k < moves.count && moves[k].0 <= label { balance += moves[k].1; k += 1 }
                    series.append(balance)
                }
                perWallet[name] = series
            }
            let prices = try monthEnds.map { end in
                try Int64.fetchOne(db, sql: """
                    SELECT price FROM price WHERE base = 'BTC' AND quote = ? AND date <= ? ORDER BY date DESC LIMIT 1
                    """, arguments: [currency, end.description])
            }
            return HoldingsHistory(months: monthEnds.map { String($0.description.prefix(7)) },
                                   wallets: perWallet.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, prices: prices)
        }
    }
}
