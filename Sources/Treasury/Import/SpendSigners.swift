import Bitcoin
import Foundation
import GRDB
import Ledger

/// Who signed each input of the reserve's own transactions (`spend_signer`): derived data, recomputed by
/// `verify ledger` from the raw transaction (`reserve_spend.hex`) and the outputs it spent, named from the wallet
/// registry (key origin from the descriptor, keyholder name from `wallet add --key-names`).
public enum SpendSigners {
    /// treasury-v6-spend-signers: `spend_signer` (one row per signature that verified) and `wallet_key_name`
    /// (keyholder names by position of the key in the wallet's descriptor). Spends booked before it get their rows.
    static let migration = LedgerMigration("treasury-v6-spend-signers") { db in
        try db.execute(sql: """
            CREATE TABLE spend_signer (
              txn_id INTEGER NOT NULL,
              input INTEGER NOT NULL CHECK (input >= 0),
              key_index INTEGER NOT NULL CHECK (key_index >= 0),
              kind TEXT NOT NULL,
              threshold INTEGER NOT NULL CHECK (threshold >= 1),
              key_count INTEGER NOT NULL CHECK (key_count >= 1),
              public_key TEXT NOT NULL,
              hash_type INTEGER NOT NULL CHECK (hash_type BETWEEN 0 AND 255),
              wallet TEXT NOT NULL,
              origin TEXT,
              name TEXT,
              batch INTEGER,
              PRIMARY KEY (txn_id, input, key_index)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE wallet_key_name (
              wallet_id INTEGER NOT NULL REFERENCES wallet(id),
              position INTEGER NOT NULL CHECK (position >= 0),
              name TEXT NOT NULL,
              PRIMARY KEY (wallet_id, position)
            ) STRICT, WITHOUT ROWID;
            """)
        for row in try Row.fetchAll(db, sql: "SELECT s.txn_id, s.hex, t.batch FROM reserve_spend s JOIN txn t ON t.id = s.txn_id WHERE \(TreasuryChecks.live)") {
            for signer in try expected(db, txnID: row[0], hex: row[1]) { try insert(db, signer, batch: row[2]) }
        }
    }

    /// One row of `spend_signer`.
    struct Signer: Equatable {
        var txnID: Int64, input: Int, keyIndex: Int, kind: String, threshold: Int, keyCount: Int
        var publicKey: String, hashType: Int, wallet: String, origin: String?, name: String?
    }

    /// The rows for a spend whose inputs `verified` (in input order) spent `prevouts` of `wallets`.
    static func rows(_ db: Database, txnID: Int64, verified: [VerifiedInput], prevouts: [TxOutput], wallets: [String]) throws -> [Signer] {
        var names = SignerNames(db: db)
        var out: [Signer] = []
        for (i, v) in verified.enumerated() {
            for s in v.signatures {
                let named = try names.describe(wallet: wallets[i], script: prevouts[i].scriptPubKey, key: s.publicKey, kind: v.kind)
                out.append(Signer(txnID: txnID, input: i, keyIndex: s.keyIndex, kind: v.kind.rawValue, threshold: v.threshold,
                                  keyCount: v.keys.count, publicKey: Hex.encode(s.publicKey), hashType: Int(s.hashType.rawValue),
                                  wallet: wallets[i], origin: named.origin, name: named.name))
            }
        }
        return out
    }

    /// Records the signers of a spend just booked.
    static func record(db: Database, txnID: Int64, verified: [VerifiedInput], prevouts: [TxOutput], wallets: [String], batch: Int64) throws {
        for signer in try rows(db, txnID: txnID, verified: verified, prevouts: prevouts, wallets: wallets) {
            try insert(db, signer, batch: batch)
        }
    }

    private static func insert(_ db: Database, _ s: Signer, batch: Int64?) throws {
        try db.execute(sql: """
            INSERT INTO spend_signer(txn_id, input, key_index, kind, threshold, key_count, public_key, hash_type, wallet, origin, name, batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.txnID, s.input, s.keyIndex, s.kind, s.threshold, s.keyCount, s.publicKey, s.hashType, s.wallet,
                             s.origin, s.name, batch])
    }

    /// The rows a spend should have, recomputed from its raw transaction and the outputs it spent (by outpoint):
    /// inputs that do not verify (or spend an output the ledger lost) have none.
    static func expected(_ db: Database, txnID: Int64, hex: String) throws -> [Signer] {
        guard let tx = try? Transaction(hex: hex) else { return [] }
        var prevouts: [TxOutput] = [], wallets: [String] = []
        for input in tx.inputs {
            guard let row = try Row.fetchOne(db, sql: "SELECT amount, script_pubkey, wallet FROM reserve_output WHERE txid = ? AND vout = ?",
                                             arguments: [input.prevout.txidHex, Int64(input.prevout.vout)]) else { return [] }
            prevouts.append(TxOutput(value: row[0], scriptPubKey: [UInt8](row[1] as Data)))
            wallets.append(row[2])
        }
        var verified: [VerifiedInput] = []
        for i in tx.inputs.indices {
            guard case .valid(let v) = InputVerifier.verify(tx, inputIndex: i, spent: prevouts[i], prevouts: prevouts) else { return [] }
            verified.append(v)
        }
        return try rows(db, txnID: txnID, verified: verified, prevouts: prevouts, wallets: wallets)
    }

    /// `verify ledger`: every live spend's signer rows equal those recomputed from its raw transaction, and no row
    /// belongs to another transaction.
    static let check = DerivedTableCheck(table: "spend_signer") { db in
        var spends = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT s.txn_id, s.txid, s.hex FROM reserve_spend s JOIN txn t ON t.id = s.txn_id WHERE \(TreasuryChecks.live) ORDER BY s.txn_id") {
            let txn: Int64 = row[0]
            spends.insert(txn)
            let want = try expected(db, txnID: txn, hex: row[2])
            let have = try Row.fetchAll(db, sql: """
                SELECT txn_id, input, key_index, kind, threshold, key_count, public_key, hash_type, wallet, origin, name
                FROM spend_signer WHERE txn_id = ? ORDER BY input, key_index
                """, arguments: [txn]).map {
                Signer(txnID: $0[0], input: $0[1], keyIndex: $0[2], kind: $0[3], threshold: $0[4], keyCount: $0[5], publicKey: $0[6],
                       hashType: $0[7], wallet: $0[8], origin: $0[9], name: $0[10])
            }
            if want != have {
                let first = zip(want, have).first { $0 != $1 }
                return DerivedDifference(table: "spend_signer", key: "txid=\(row[1] as String)",
                                         expected: first.map { describe($0.0) } ?? "\(want.count) signatures",
                                         found: first.map { describe($0.1) } ?? "\(have.count) signatures")
            }
        }
        for txn in try Int64.fetchAll(db, sql: "SELECT DISTINCT txn_id FROM spend_signer ORDER BY txn_id") where !spends.contains(txn) {
            return DerivedDifference(table: "spend_signer", key: "txn_id=\(txn)", expected: "none (no live spend)", found: "signer rows")
        }
        return nil
    }

    private static func describe(_ s: Signer) -> String {
        "input \(s.input) key \(s.keyIndex + 1) of \(s.keyCount) (\(s.kind)) \(s.publicKey) hash type \(s.hashType) origin \(s.origin ?? "-") name \(s.name ?? "-")"
    }
}

/// Names a signing key from the wallet registry: its key origin (`fingerprint/path` down to the address, from the
/// descriptor's origin, else the extended key's own fingerprint) and its keyholder's name.
struct SignerNames {
    let db: Database
    private var cache: [[UInt8]: [(key: [UInt8], origin: String?, name: String?)]] = [:]

    init(db: Database) { self.db = db }

    mutating func describe(wallet: String, script: [UInt8], key: [UInt8], kind: SpendKind) throws -> (origin: String?, name: String?) {
        if cache[script] == nil { cache[script] = try derive(script: script) }
        let keys = cache[script] ?? []
        if let hit = keys.first(where: { $0.key == key || ($0.key.count == 33 && Array($0.key.dropFirst()) == key) }) {
            return (hit.origin, hit.name)
        }
        // A taproot output key is the tweaked internal key: a single-key descriptor names it.
        if kind == .p2tr, keys.count == 1 { return (keys[0].origin, keys[0].name) }
        return (nil, nil)
    }

    /// Each key of the descriptor that derived `script`, at its index, with origin and name, in descriptor order.
    private func derive(script: [UInt8]) throws -> [(key: [UInt8], origin: String?, name: String?)] {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT w.id, w.descriptor, w.change_descriptor, a.chain, a.idx FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id
            WHERE a.script_pubkey = ?
            """, arguments: [Data(script)]) else { return [] }
        let walletID: Int64 = row[0], chain: Int = row[3], index = UInt32(row[4] as Int64)
        guard let receive = try? Descriptor(descriptorOrKey: row[1] as String) else { return [] }
        var descriptor = receive.branch(0)
        if chain == 1 {
            if receive.branchCount >= 2 { descriptor = receive.branch(1) } else if let text: String = row[2], let change = try? Descriptor(descriptorOrKey: text) {
                descriptor = change
            } else { return [] }
        }
        var names: [Int: String] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT position, name FROM wallet_key_name WHERE wallet_id = ?", arguments: [walletID]) {
            names[r[0]] = r[1]
        }
        var out: [(key: [UInt8], origin: String?, name: String?)] = []
        for (position, expression) in descriptor.root.keys.enumerated() {
            let name = names[position]
            switch expression.key {
            case .single(let k): out.append((k.serialized, expression.origin?.description, name))
            case .xOnly(let k): out.append((k.bytes, expression.origin?.description, name))
            case .extended(let xpub, let elements, let wildcard):
                var steps: [DerivationStep] = []
                for e in elements { if case .step(let s) = e { steps.append(s) } }
                guard var derived = try? xpub.derive(path: DerivationPath(steps)) else { continue }
                var path = steps.map(\.description)
                if wildcard {
                    guard let child = try? derived.child(index) else { continue }
                    derived = child
                    path.append(String(index))
                }
                let base = expression.origin?.description ?? Hex.encode(xpub.fingerprint)
                out.append((derived.key.compressed, ([base] + path).joined(separator: "/"), name))
            }
        }
        return out
    }
}
