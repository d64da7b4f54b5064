import Bitcoin
import Foundation
import GRDB
import Ledger

/// One signed statement that the reserve controls an address (`address, message, signature`).
public struct Attestation: Sendable, Equatable {
    /// The physical line of the attestations file.
    public var line: Int
    public var address: String
    public var message: String
    public var signature: String

    public init(line: Int, address: String, message: String, signature: String) {
        self.line = line
        self.address = address
        self.message = message
        self.signature = signature
    }
}

/// A signature check's outcome, as the verifier reports it (`valid` only when it checked and passed).
public struct AttestationVerdict: Sendable, Equatable {
    public var valid: Bool
    public var status: String
    public var reason: String

    public init(valid: Bool, status: String, reason: String) {
        self.valid = valid
        self.status = status
        self.reason = reason
    }
}

/// Proof of reserves: attestations verified against the reserve's addresses, balances from a chain snapshot at
/// its height and block hash, totals proven and unproven beside the ledger's holdings.
public struct ReservesReport: Sendable {
    public typealias Verifier = @Sendable (_ address: String, _ message: String, _ signature: String) -> AttestationVerdict

    /// What one address's proof came to.
    public enum Status: String, Sendable, CaseIterable {
        case proven
        case invalidSignature = "invalid_signature"
        case challengeMissing = "challenge_missing"
        case notReserveAddress = "not_reserve_address"
        case noAttestation = "no_attestation"
    }

    public struct Line: Sendable, Equatable {
        public var address: String
        public var wallet: String
        public var line: Int?
        public var status: Status
        public var reason: String
        public var sats: Int64
    }

    public var snapshotID: Int64
    public var height: Int64
    public var bestBlock: String?
    public var asOfDate: LedgerDate
    public var challenge: String
    public var lines: [Line]
    public var ledgerSats: Int64

    public var provenSats: Int64 { lines.filter { $0.status == .proven }.reduce(0) { $0 + $1.sats } }
    public var snapshotSats: Int64 { lines.filter { $0.status != .notReserveAddress }.reduce(0) { $0 + $1.sats } }
    public var unprovenSats: Int64 { snapshotSats - provenSats }
    /// Proven on chain covers what the ledger says the reserve holds.
    public var covered: Bool { provenSats >= ledgerSats }

    /// Verifies `attestations` with `verify` and compares with snapshot `id` (default: the latest).
    /// An address is proven when it is the reserve's, its message contains `challenge`, and the signature is valid.
    public static func compute(_ store: LedgerStore, attestations: [Attestation], challenge: String,
                               snapshot id: Int64? = nil, verify: Verifier) throws -> ReservesReport {
        let (snap, balances, owners, ledgerSats) = try store.read { db in
            let sql = "SELECT id, height, best_block, as_of_date FROM snapshot "
            guard let snap = try (id.map { try Row.fetchOne(db, sql: sql + "WHERE id = ?", arguments: [$0]) }
                                  ?? Row.fetchOne(db, sql: sql + "ORDER BY id DESC LIMIT 1")) else {
                throw id.map { ReportError.unknownSnapshot($0) } ?? ReportError.noSnapshot
            }
            var balances: [[UInt8]: Int64] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT script_pubkey, sum(amount) FROM snapshot_utxo WHERE snapshot_id = ? GROUP BY script_pubkey
                """, arguments: [snap[0] as Int64]) {
                balances[[UInt8](row[0] as Data)] = row[1]
            }
            // The reserve's scripts: registered wallet addresses, and every output the ledger booked.
            var owners: [[UInt8]: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT script_pubkey, wallet FROM reserve_output") {
                owners[[UInt8](row[0] as Data)] = row[1]
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT a.script_pubkey, w.name FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id
                """) {
                owners[[UInt8](row[0] as Data)] = row[1]
            }
            let ledger = try Int64.fetchOne(db, sql: """
                SELECT coalesce(sum(d.amount), 0) FROM account_day d JOIN account a ON a.id = d.account_id
                WHERE a.name GLOB 'Assets:Reserve:*' AND d.commodity = 'BTC' AND d.date <= ?
                """, arguments: [snap[3] as String]) ?? 0
            return (snap, balances, owners, ledger)
        }
        // Each attestation gets a line; an address's balance is counted once, on its first proven line (else its first).
        var lines: [Line] = []
        var scripts: [[UInt8]?] = []
        for a in attestations {
            let script = (try? Address.parse(a.address))?.scriptPubKey
            let wallet = script.flatMap { owners[$0] } ?? ""
            let verdict = verify(a.address, a.message, a.signature)
            let status: Status
            let reason: String
            if !verdict.valid {
                status = .invalidSignature
                reason = verdict.status + (verdict.reason.isEmpty ? "" : ": " + verdict.reason)
            } else if !a.message.contains(challenge) {
                status = .challengeMissing
                reason = "the message does not contain the challenge"
            } else if let script, !wallet.isEmpty || balances[script] != nil {
                status = .proven
                reason = ""
            } else {
                status = .notReserveAddress
                reason = "neither a reserve wallet address nor in the snapshot"
            }
            lines.append(Line(address: a.address, wallet: wallet, line: a.line, status: status, reason: reason, sats: 0))
            scripts.append(script)
        }
        var carrier: [[UInt8]: Int] = [:]
        for (i, script) in scripts.enumerated() {
            guard let script else { continue }
            if let j = carrier[script], lines[j].status == .proven || lines[i].status != .proven { continue }
            carrier[script] = i
        }
        for (script, i) in carrier { lines[i].sats = balances[script] ?? 0 }
        // Funded addresses of the snapshot that nobody attested.
        let network = scripts.indices.lazy.compactMap { (try? Address.parse(attestations[$0].address))?.network }.first ?? .main
        for (script, sats) in balances.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where carrier[script] == nil {
            let address = AddressPayload(scriptPubKey: script).map { Address(payload: $0).encoded(for: network) }
                ?? Hex.encode(script)
            lines.append(Line(address: address, wallet: owners[script] ?? "", line: nil, status: .noAttestation,
                              reason: "funded in the snapshot, no attestation", sats: sats))
        }
        return ReservesReport(snapshotID: snap[0], height: snap[1], bestBlock: snap[2], asOfDate: try LedgerDate(snap[3] as String),
                              challenge: challenge, lines: lines, ledgerSats: ledgerSats)
    }
}

extension ReservesReport {
    /// The signature issue's verifier: BIP-137, or BIP-322 simple (P2WPKH, P2TR, P2WSH multisig), detected.
    public static let messageVerifier: Verifier = { address, message, signature in
        let (result, _) = MessageVerifier.verify(address: address, message: message, signature: signature)
        return AttestationVerdict(valid: result.isValid, status: result.status.rawValue, reason: result.isValid ? "" : result.reason)
    }
}
