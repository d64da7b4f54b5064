import Bitcoin

/// A chain snapshot from Bitcoin Core: `scantxoutset start [...]` (an object with `height`, `bestblock` and
/// `unspents`) or `listunspent` (an array; the height is given separately). Amounts are JSON numbers of BTC read
/// from their digits.
struct SnapshotFile {
    enum Format: String { case scantxoutset, listunspent }

    struct Unspent {
        var line: Int
        var txid: String
        var vout: UInt32
        var scriptPubKey: [UInt8]
        var amount: Int64
        var height: Int64?
    }

    var format: Format
    var height: Int64?
    var bestBlock: String?
    var unspents: [Unspent]

    static func parse(_ root: JSONNode, file: String) throws(InputError) -> SnapshotFile {
        let f = JSONFields(file: file)
        let items: [JSONNode]
        var snapshot = SnapshotFile(format: .listunspent, height: nil, bestBlock: nil, unspents: [])
        switch root.value {
        case .array(let list):
            items = list
        case .object:
            snapshot.format = .scantxoutset
            if let success = root["success"], case .bool(false) = success.value {
                throw f.error(success, "the scan did not succeed (success is false)")
            }
            let height = try f.integer(try f.member(root, "height"))
            guard height >= 0 else { throw f.error(try f.member(root, "height"), "height must be ≥ 0") }
            snapshot.height = height
            let best = try f.member(root, "bestblock")
            snapshot.bestBlock = try f.parse(best, try f.string(best), Identifiers.txid)
            items = try f.array(try f.member(root, "unspents"))
        default:
            throw f.error(root, "expected scantxoutset's object or listunspent's array, found \(root.value.kind)")
        }
        for item in items {
            let txidNode = try f.member(item, "txid")
            let voutNode = try f.member(item, "vout")
            let vout = try f.integer(voutNode)
            guard (0...Int64(UInt32.max)).contains(vout) else { throw f.error(voutNode, "vout \(vout) is out of range") }
            let scriptNode = try f.member(item, "scriptPubKey")
            guard let script = Hex.decode(try f.string(scriptNode)) else { throw f.error(scriptNode, "scriptPubKey is not hex") }
            let amountNode = try f.member(item, "amount")
            let amount = try f.parse(amountNode, try f.number(amountNode)) { (t: String) throws(FieldError) -> Int64 in
                let sats = try JSONNumber.minorUnits(t, scale: 8)
                guard (0...Amounts.maxSats).contains(sats) else { throw FieldError("amount \(Echo.value(t)) is out of range") }
                return sats
            }
            snapshot.unspents.append(Unspent(
                line: item.line, txid: try f.parse(txidNode, try f.string(txidNode), Identifiers.txid), vout: UInt32(vout),
                scriptPubKey: script, amount: amount, height: try item["height"].map { node throws(InputError) in try f.integer(node) }))
        }
        return snapshot
    }
}
