import Foundation
import Bitcoin
import GRDB
import Ledger

/// The reserve's registered watch-only wallets and their derived addresses, in the ledger's database.
///
/// Each wallet's address table is kept `gapLimit` indexes ahead of its highest used index on each chain;
/// finding the wallet of an address or scriptPubKey is one lookup on a unique index.
public struct WalletRegistry: Sendable {
    public let store: LedgerStore
    /// The ledger's network (setting `network`, written by `reserve init --network`; main when absent).
    public let network: Network

    public init(store: LedgerStore) {
        self.store = store
        self.network = Self.network(of: store.settings)
    }

    /// The network a ledger's settings name (main when unset).
    public static func network(of settings: LedgerSettings) -> Network {
        settings.extra["network"].flatMap(Network.init(name:)) ?? .main
    }

    /// Registers a wallet and derives its first `gapLimit` addresses on each chain. `keyNames` name the keyholders of
    /// the descriptor's keys, in the order the descriptor lists them (`report approvals` shows who signed).
    @discardableResult
    public func add(name: String, descriptor: String, changeDescriptor: String? = nil, gapLimit: Int = 20,
                    keyNames: [String] = []) throws -> Wallet {
        guard Self.isValidName(name) else { throw WalletError.invalidName(name) }
        guard (1...10_000).contains(gapLimit) else { throw WalletError.invalidGapLimit(gapLimit) }
        let receive = try Wallet.parse(descriptor, option: "descriptor")
        guard receive.branchCount <= 2 else { throw WalletError.tooManyBranches(receive.branchCount) }
        let change = try changeDescriptor.map { (text) throws(WalletError) in try Wallet.parse(text, option: "change descriptor") }
        if change != nil, receive.branchCount == 2 { throw WalletError.changeGivenTwice }
        if let change, change.branchCount > 1 { throw WalletError.tooManyBranches(change.branchCount) }
        if !keyNames.isEmpty {
            let keys = receive.root.keys.count
            guard keyNames.count == keys else { throw WalletError.keyNameCount(given: keyNames.count, keys: keys) }
            if let bad = keyNames.first(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
                throw WalletError.invalidKeyName(bad)
            }
        }
        for d in [receive] + (change.map { [$0] } ?? []) where !d.networks.contains(network) {
            throw WalletError.networkMismatch(descriptor: d.networks.description, ledger: network)
        }
        return try store.write { writer in
            let db = writer.db
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM wallet WHERE name = ?", arguments: [name]) == true {
                throw WalletError.duplicateName(name)
            }
            try db.execute(sql: """
                INSERT INTO wallet(name, network, descriptor, change_descriptor, gap_limit) VALUES (?, ?, ?, ?, ?)
                """, arguments: [name, network.rawValue, receive.description, change?.description, gapLimit])
            let walletID = db.lastInsertedRowID
            try TreasuryConfiguration.record(writer, kind: TreasuryConfiguration.walletKind, key: name,
                                             body: TreasuryConfiguration.walletBody(name: name, network: network.rawValue,
                                                                                    descriptor: receive.description,
                                                                                    change: change?.description, gapLimit: gapLimit,
                                                                                    keyNames: keyNames.map {
                                                                                        $0.trimmingCharacters(in: .whitespaces)
                                                                                    }))
            let wallet = Wallet(id: walletID, name: name, network: network, descriptor: receive.description,
                                changeDescriptor: change?.description, gapLimit: gapLimit)
            for (position, keyName) in keyNames.enumerated() {
                try db.execute(sql: "INSERT INTO wallet_key_name(wallet_id, position, name) VALUES (?, ?, ?)",
                               arguments: [wallet.id, position, keyName.trimmingCharacters(in: .whitespaces)])
            }
            for chain in 0...1 { try Self.keepAhead(db, wallet: wallet, chain: chain) }
            return wallet
        }
    }

    /// Every wallet, by name.
    public func wallets() throws -> [Wallet] {
        try store.read { db in try Self.wallets(db) }
    }

    /// The wallet called `name`.
    public func wallet(named name: String) throws -> Wallet {
        try store.read { db in
            guard let w = try Self.wallets(db, named: name).first else { throw WalletError.unknownWallet(name) }
            return w
        }
    }

    /// How many addresses of each chain are derived, and the highest used index (nil when none is used).
    public func derivedCounts(_ wallet: Wallet, chain: Int) throws -> (derived: Int, highestUsed: Int?) {
        try store.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), MAX(CASE WHEN used = 1 THEN idx END) FROM wallet_address WHERE wallet_id = ? AND chain = ?
                """, arguments: [wallet.id, chain])
            return (row?[0] ?? 0, row?[1])
        }
    }

    /// Addresses `start ..< start + count` of a chain: stored ones from the table, later ones derived (not stored).
    public func addresses(_ wallet: Wallet, chain: Int, range: Range<UInt32>) throws -> [WalletAddress] {
        guard let descriptor = try wallet.descriptor(chain: chain) else { return [] }
        let stored: [UInt32: WalletAddress] = try store.read { db in
            var out: [UInt32: WalletAddress] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT chain, idx, address, script_pubkey, used FROM wallet_address
                WHERE wallet_id = ? AND chain = ? AND idx >= ? AND idx < ? ORDER BY idx
                """, arguments: [wallet.id, chain, Int64(range.lowerBound), Int64(range.upperBound)])
            for r in rows { let a = Self.address(r, wallet: wallet.name); out[a.index] = a }
            return out
        }
        let deriver = try Self.deriver(descriptor)
        let last: UInt32 = descriptor.isRanged ? range.upperBound : min(range.upperBound, 1)
        var result: [WalletAddress] = []
        var i = range.lowerBound
        while i < last {
            if let a = stored[i] {
                result.append(a)
            } else {
                let spk = try Self.script(deriver, i)
                result.append(WalletAddress(wallet: wallet.name, chain: chain, index: i,
                                            address: Self.addressText(spk, wallet.network), scriptPubKey: spk, used: false))
            }
            i += 1
        }
        return result
    }

    /// The wallet address with this scriptPubKey, if any (one indexed lookup).
    public func owner(ofScriptPubKey spk: [UInt8]) throws -> WalletAddress? {
        try store.read { db in try Self.owner(db, scriptPubKey: spk) }
    }

    /// The wallet address with this address text, if any (one indexed lookup).
    public func owner(ofAddress address: String) throws -> WalletAddress? {
        try store.read { db in try Self.owner(db, address: address) }
    }

    /// Marks the address with this scriptPubKey used and derives ahead to keep the gap; nil when no wallet owns it.
    @discardableResult
    public func markUsed(scriptPubKey spk: [UInt8]) throws -> WalletAddress? {
        try store.write { writer in try Self.markUsed(writer.db, scriptPubKey: spk) }
    }

    /// Wallet names are account-name components: `[A-Za-z0-9][A-Za-z0-9-]*`, at most 64 characters.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 64 else { return false }
        return bytes.enumerated().allSatisfy { i, c in
            (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (c == 0x2D && i > 0)
        }
    }
}
