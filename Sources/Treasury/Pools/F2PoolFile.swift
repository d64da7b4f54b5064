/// F2Pool's asset transaction list (`POST /v2/assets/transactions/list`, API v2): `{"transactions": [TransactionItem]}`.
///
/// A `TransactionItem` has `id`, `type`, `changed_balance`, `created_at` and either `mining_extra` (daily revenue:
/// `mining_date`, `pps`, fees, `hash_rate`) or `payout_extra` (`value`, `address`, `tx_id`, `paid_time`, `tip`).
/// Amounts are JSON numbers read from their digits; timestamps are Unix seconds. docs/formats.md has a sample.
enum F2PoolFile {
    struct Payout {
        var amount: Int64
        var address: String
        var txid: String
        var paidTime: Int64
        /// Key path of the `payout_extra` object, for errors.
        var path: String
    }

    struct Earning {
        var amount: Int64
        var miningDate: Int64
        var path: String
    }

    enum Kind {
        case earning(Earning)
        case payout(Payout)
        case other(type: String)
    }

    struct Entry {
        var line: Int
        var id: Int64
        var kind: Kind
    }

    /// Every entry of the list, checked; the first malformed entry throws.
    static func entries(_ root: JSONNode, file: String) throws(InputError) -> [Entry] {
        let f = JSONFields(file: file)
        var result: [Entry] = []
        for item in try f.array(try f.member(root, "transactions")) {
            let id = try f.integer(try f.member(item, "id"))
            let type = try f.string(try f.member(item, "type"))
            let mining = item["mining_extra"]
            let payout = item["payout_extra"]
            if !f.isNull(payout), let payout {
                let value = try f.member(payout, "value")
                let txidNode = try f.member(payout, "tx_id")
                result.append(Entry(line: item.line, id: id, kind: .payout(Payout(
                    amount: try f.parse(value, try f.number(value), Amounts.btcJSON),
                    address: try f.string(try f.member(payout, "address")),
                    txid: try f.parse(txidNode, try f.string(txidNode), Identifiers.txid),
                    paidTime: try f.integer(try f.member(payout, "paid_time")),
                    path: payout.path))))
            } else if !f.isNull(mining), let mining {
                let change = try f.member(item, "changed_balance")
                result.append(Entry(line: item.line, id: id, kind: .earning(Earning(
                    amount: try f.parse(change, try f.number(change), Amounts.btcJSON),
                    miningDate: try f.integer(try f.member(mining, "mining_date")),
                    path: change.path))))
            } else {
                result.append(Entry(line: item.line, id: id, kind: .other(type: type)))
            }
        }
        return result
    }
}
