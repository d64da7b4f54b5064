import Foundation
import Bitcoin
import GRDB
import Ledger

/// The registry's SQL, callable inside another module's write transaction (importers pass `LedgerWriter.db`).
extension WalletRegistry {
    /// The wallet address with this scriptPubKey, if any: one lookup on the unique `script_pubkey` index.
    public static func owner(_ db: Database, scriptPubKey spk: [UInt8]) throws -> WalletAddress? {
        try Row.fetchOne(db, sql: """
            SELECT w.name, a.chain, a.idx, a.address, a.script_pubkey, a.used
            FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id WHERE a.script_pubkey = ?
            """, arguments: [Data(spk)]).map { self.address($0, walletColumn: true) }
    }

    /// The wallet address with this address text (as the registry stores it: the wallet network's encoding,
    /// Bech32 in lower case), if any: one lookup on the unique `address` index.
    public static func owner(_ db: Database, address: String) throws -> WalletAddress? {
        try Row.fetchOne(db, sql: """
            SELECT w.name, a.chain, a.idx, a.address, a.script_pubkey, a.used
            FROM wallet_address a JOIN wallet w ON w.id = a.wallet_id WHERE a.address = ?
            """, arguments: [address]).map { self.address($0, walletColumn: true) }
    }

    /// Marks the address used and derives ahead so `gapLimit` unused addresses follow it; nil when unowned.
    @discardableResult
    public static func markUsed(_ db: Database, scriptPubKey spk: [UInt8]) throws -> WalletAddress? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT wallet_id, chain, used FROM wallet_address WHERE script_pubkey = ?
            """, arguments: [Data(spk)]) else { return nil }
        let walletID: Int64 = row[0]
        let chain: Int = row[1]
        if (row[2] as Int) == 0 {
            try db.execute(sql: "UPDATE wallet_address SET used = 1 WHERE script_pubkey = ?", arguments: [Data(spk)])
            if let wallet = try wallets(db, id: walletID).first { try keepAhead(db, wallet: wallet, chain: chain) }
        }
        return try owner(db, scriptPubKey: spk)
    }

    /// Derives and stores addresses so the chain's table runs `gapLimit` past its highest used index.
    static func keepAhead(_ db: Database, wallet: Wallet, chain: Int) throws {
        guard let descriptor = try wallet.descriptor(chain: chain) else { return }
        let row = try Row.fetchOne(db, sql: """
            SELECT MAX(idx), MAX(CASE WHEN used = 1 THEN idx END) FROM wallet_address WHERE wallet_id = ? AND chain = ?
            """, arguments: [wallet.id, chain])
        let derivedThrough: Int64 = row?[0] ?? -1
        let highestUsed: Int64 = row?[1] ?? -1
        let target = descriptor.isRanged ? min(highestUsed + Int64(wallet.gapLimit), Int64(Int32.max)) : 0
        guard derivedThrough < target else { return }
        let deriver = try deriver(descriptor)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO wallet_address(wallet_id, chain, idx, address, script_pubkey) VALUES (?, ?, ?, ?, ?)
            """)
        for index in (derivedThrough + 1)...target {
            let spk = try script(deriver, UInt32(index))
            if let other = try owner(db, scriptPubKey: spk) {
                throw WalletError.addressTaken(address: other.address ?? Hex.encode(spk), wallet: other.wallet)
            }
            try insert.execute(arguments: [wallet.id, chain, index, addressText(spk, wallet.network), Data(spk)])
        }
    }

    static func wallets(_ db: Database, named name: String? = nil, id: Int64? = nil) throws -> [Wallet] {
        var sql = "SELECT id, name, network, descriptor, change_descriptor, gap_limit FROM wallet"
        var arguments: StatementArguments = []
        if let name { sql += " WHERE name = ?"; arguments = [name] }
        if let id { sql += " WHERE id = ?"; arguments = [id] }
        return try Row.fetchAll(db, sql: sql + " ORDER BY name", arguments: arguments).map { r in
            let networkName: String = r[2]
            guard let network = Network(name: networkName) else { throw WalletError.database("wallet \(r[1] as String): bad network \(networkName)") }
            return Wallet(id: r[0], name: r[1], network: network, descriptor: r[3], changeDescriptor: r[4], gapLimit: r[5])
        }
    }

    static func address(_ r: Row, wallet: String = "", walletColumn: Bool = false) -> WalletAddress {
        let o = walletColumn ? 1 : 0
        let index: Int64 = r[o + 1]
        let spk: Data = r[o + 3]
        return WalletAddress(wallet: walletColumn ? r[0] : wallet, chain: r[o], index: UInt32(truncatingIfNeeded: index),
                             address: r[o + 2], scriptPubKey: [UInt8](spk), used: (r[o + 4] as Int) == 1)
    }

    static func deriver(_ descriptor: Descriptor) throws(WalletError) -> DescriptorDeriver {
        do { return try DescriptorDeriver(descriptor) } catch { throw .derivation(error.description) }
    }

    static func script(_ deriver: DescriptorDeriver, _ index: UInt32) throws(WalletError) -> [UInt8] {
        do { return try deriver.scriptPubKey(at: index) } catch { throw .derivation("index \(index): \(error)") }
    }

    /// The address of a scriptPubKey on `network`, nil for scripts without an address form.
    static func addressText(_ spk: [UInt8], _ network: Network) -> String? {
        AddressPayload(scriptPubKey: spk).map { Address(payload: $0).encoded(for: network) }
    }
}
