import Bitcoin
import Foundation
import GRDB
import Ledger

/// A chain snapshot as a chained document (kind `snapshot`): the `snapshot` and `snapshot_utxo` rows are derived
/// from it, so `verify ledger` recomputes them. The body is a header line, then one line per unspent output in
/// (txid, vout) order:
///
///     as_of=TIMESTAMP;height=N;best_block=HEX|-;format=scantxoutset|listunspent
///     TXID:VOUT:SCRIPT_HEX:AMOUNT_SATS:HEIGHT|-:WALLET|-
///
/// The wallet is the attribution made at import (the registry may derive more addresses later). Undoing the
/// snapshot's batch records a `snapshot-void` document naming it.
struct SnapshotDocument: Equatable {
    static let kind = "snapshot"
    static let voidKind = "snapshot-void"

    struct Output: Equatable {
        let txid: String
        let vout: Int64
        let script: [UInt8]
        let amount: Int64
        let height: Int64?
        let wallet: String?
    }

    let asOf: String
    let height: Int64
    let bestBlock: String?
    let format: String
    /// Sorted by (txid, vout).
    let outputs: [Output]

    init(asOf: String, height: Int64, bestBlock: String?, format: String, outputs: [Output]) {
        (self.asOf, self.height, self.bestBlock, self.format) = (asOf, height, bestBlock, format)
        self.outputs = outputs.sorted { ($0.txid, $0.vout) < ($1.txid, $1.vout) }
    }

    var body: String {
        var lines = ["as_of=\(asOf);height=\(height);best_block=\(bestBlock ?? "-");format=\(format)"]
        for o in outputs {
            lines.append("\(o.txid):\(o.vout):\(Hex.encode(o.script)):\(o.amount):\(o.height.map(String.init) ?? "-"):\(o.wallet ?? "-")")
        }
        return lines.joined(separator: "\n")
    }

    /// Parses a body written by `body`; nil when it is not one.
    init?(body: String) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first else { return nil }
        var fields: [Substring: Substring] = [:]
        for pair in header.split(separator: ";") {
            guard let eq = pair.firstIndex(of: "=") else { return nil }
            fields[pair[..<eq]] = pair[pair.index(after: eq)...]
        }
        guard let asOf = fields["as_of"], let height = fields["height"].flatMap({ Int64($0) }),
              let best = fields["best_block"], let format = fields["format"] else { return nil }
        var outputs: [Output] = []
        for line in lines.dropFirst() {
            let f = line.split(separator: ":", omittingEmptySubsequences: false)
            guard f.count == 6, let vout = Int64(f[1]), let script = Hex.decode(String(f[2])), let amount = Int64(f[3]) else { return nil }
            let height: Int64? = f[4] == "-" ? nil : Int64(f[4])
            guard f[4] == "-" || height != nil else { return nil }
            outputs.append(Output(txid: String(f[0]), vout: vout, script: script, amount: amount, height: height,
                                  wallet: f[5] == "-" ? nil : String(f[5])))
        }
        self.init(asOf: String(asOf), height: height, bestBlock: best == "-" ? nil : String(best), format: String(format),
                  outputs: outputs)
    }

    static func voidBody(document: Int64, reason: String) -> String { "voids=\(document);reason=\(reason)" }

    /// The document a `snapshot-void` body names.
    static func voided(_ body: String) -> Int64? {
        guard body.hasPrefix("voids=") else { return nil }
        return Int64(body.dropFirst(6).prefix { $0 != ";" })
    }
}

extension SnapshotDocument {
    /// The document the stored rows of snapshot `id` amount to (for chaining a snapshot imported before v3, and for
    /// comparing the rows with their document).
    static func stored(_ db: Database, snapshot id: Int64) throws -> SnapshotDocument {
        guard let header = try Row.fetchOne(db, sql: "SELECT as_of, height, best_block, format FROM snapshot WHERE id = ?",
                                            arguments: [id]) else {
            return SnapshotDocument(asOf: "", height: -1, bestBlock: nil, format: "", outputs: [])
        }
        let outputs = try Row.fetchAll(db, sql: """
            SELECT txid, vout, script_pubkey, amount, height, wallet FROM snapshot_utxo WHERE snapshot_id = ?
            """, arguments: [id]).map {
            Output(txid: $0["txid"], vout: $0["vout"], script: [UInt8]($0["script_pubkey"] as Data), amount: $0["amount"],
                   height: $0["height"], wallet: $0["wallet"])
        }
        return SnapshotDocument(asOf: header["as_of"], height: header["height"], bestBlock: header["best_block"],
                                format: header["format"], outputs: outputs)
    }
}
