import Bitcoin
import Foundation
import GRDB
import Ledger

/// Treasury's configuration as chained documents (`treasury-v5-chained-configuration`): each wallet with its
/// descriptors, each pool with its basis, each site, each site's figures. Written when declared; `verify ledger`
/// recomputes the tables from them (`TreasuryChecks.configuration`), and each wallet's stored addresses from its
/// descriptors. Bodies are `ConfigurationRecords.body` fields.
enum TreasuryConfiguration {
    static let walletKind = "wallet"
    static let poolKind = "pool"
    static let siteKind = "site"
    static let siteSpecKind = "site-spec"

    /// `keyNames`: the keyholders' names in key order (`wallet add --key-names`); the field is left out when none
    /// were given (as in wallets chained before key names existed).
    static func walletBody(name: String, network: String, descriptor: String, change: String?, gapLimit: Int,
                           keyNames: [String] = []) -> String {
        var fields: [(String, String?)] = [("name", name), ("network", network), ("descriptor", descriptor),
                                           ("change_descriptor", change), ("gap_limit", String(gapLimit))]
        if !keyNames.isEmpty { fields.append(("key_names", keyNames.joined(separator: "\n"))) }
        return ConfigurationRecords.body(fields)
    }

    static func poolBody(id: String, basis: String) -> String { ConfigurationRecords.body([("id", id), ("basis", basis)]) }

    static func siteBody(id: String, component: String) -> String {
        ConfigurationRecords.body([("id", id), ("account_component", component)])
    }

    static func siteSpecBody(site: String, hashrateTHs: Int64, powerKW: Int64, from: String) -> String {
        ConfigurationRecords.body([("site", site), ("from", from), ("hashrate_ths", String(hashrateTHs)), ("power_kw", String(powerKW))])
    }

    /// Records a document in the write of `writer`, dated today in the ledger's time zone.
    static func record(_ writer: LedgerWriter, kind: String, key: String, body: String) throws {
        try writer.record(date: writer.settings.accountingDate(of: Date()), kind: kind, naturalKey: key, body: body)
    }

    /// v5: chains the configuration as it stands.
    static let migration = LedgerMigration("treasury-v5-chained-configuration") { db in
        let today = ConfigurationRecords.today
        for r in try Row.fetchAll(db, sql: "SELECT * FROM wallet ORDER BY id") {
            try ConfigurationRecords.append(db, date: today, kind: walletKind, naturalKey: r["name"],
                                            body: walletBody(name: r["name"], network: r["network"], descriptor: r["descriptor"],
                                                             change: r["change_descriptor"], gapLimit: r["gap_limit"]))
        }
        for r in try Row.fetchAll(db, sql: "SELECT id, basis FROM pool ORDER BY id") {
            try ConfigurationRecords.append(db, date: today, kind: poolKind, naturalKey: r["id"], body: poolBody(id: r["id"], basis: r["basis"]))
        }
        for r in try Row.fetchAll(db, sql: "SELECT id, account_component FROM site ORDER BY id") {
            try ConfigurationRecords.append(db, date: today, kind: siteKind, naturalKey: r["id"],
                                            body: siteBody(id: r["id"], component: r["account_component"]))
        }
        for r in try Row.fetchAll(db, sql: "SELECT site, from_date, hashrate_ths, power_kw FROM site_spec ORDER BY site, from_date") {
            try ConfigurationRecords.append(db, date: today, kind: siteSpecKind, naturalKey: "\(r["site"] as String)@\(r["from_date"] as String)",
                                            body: siteSpecBody(site: r["site"], hashrateTHs: r["hashrate_ths"], powerKW: r["power_kw"],
                                                               from: r["from_date"]))
        }
    }
}

extension TreasuryChecks {
    /// The latest document of each natural key of `kind`, as fields.
    static func latestConfiguration(_ db: Database, kind: String) throws -> [String: [String: String?]] {
        var out: [String: [String: String?]] = [:]
        for d in try Documents.all(db, kind: kind) { out[d.naturalKey ?? ""] = ConfigurationRecords.fields(d.body) }
        return out
    }

    private static func configurationDifference(table: String, keyName: String, stored: [String: [String: String?]],
                                                kind: String, _ db: Database) throws -> DerivedDifference? {
        let chained = try latestConfiguration(db, kind: kind)
        func show(_ f: [String: String?]?) -> String {
            f.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value ?? "NULL")" }.joined(separator: " ") } ?? "none"
        }
        for key in Set(stored.keys).union(chained.keys).sorted() where stored[key] != chained[key] {
            return DerivedDifference(table: table, key: "\(keyName)=\(key)", expected: show(chained[key]), found: show(stored[key]))
        }
        return nil
    }

    static let wallets = DerivedTableCheck(table: "wallet") { db in
        var stored: [String: [String: String?]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM wallet") {
            let names = try String.fetchAll(db, sql: "SELECT name FROM wallet_key_name WHERE wallet_id = ? ORDER BY position",
                                            arguments: [r["id"] as Int64])
            stored[r["name"]] = ConfigurationRecords.fields(TreasuryConfiguration.walletBody(
                name: r["name"], network: r["network"], descriptor: r["descriptor"], change: r["change_descriptor"], gapLimit: r["gap_limit"],
                keyNames: names))
        }
        return try configurationDifference(table: "wallet", keyName: "name", stored: stored, kind: TreasuryConfiguration.walletKind, db)
    }

    static let pools = DerivedTableCheck(table: "pool") { db in
        var stored: [String: [String: String?]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, basis FROM pool") {
            stored[r["id"]] = ConfigurationRecords.fields(TreasuryConfiguration.poolBody(id: r["id"], basis: r["basis"]))
        }
        return try configurationDifference(table: "pool", keyName: "id", stored: stored, kind: TreasuryConfiguration.poolKind, db)
    }

    static let sites = DerivedTableCheck(table: "site") { db in
        var stored: [String: [String: String?]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, account_component FROM site") {
            stored[r["id"]] = ConfigurationRecords.fields(TreasuryConfiguration.siteBody(id: r["id"], component: r["account_component"]))
        }
        return try configurationDifference(table: "site", keyName: "id", stored: stored, kind: TreasuryConfiguration.siteKind, db)
    }

    static let siteSpecs = DerivedTableCheck(table: "site_spec") { db in
        var stored: [String: [String: String?]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT site, from_date, hashrate_ths, power_kw FROM site_spec") {
            stored["\(r["site"] as String)@\(r["from_date"] as String)"] = ConfigurationRecords.fields(TreasuryConfiguration.siteSpecBody(
                site: r["site"], hashrateTHs: r["hashrate_ths"], powerKW: r["power_kw"], from: r["from_date"]))
        }
        return try configurationDifference(table: "site_spec", keyName: "site@from", stored: stored, kind: TreasuryConfiguration.siteSpecKind, db)
    }

    /// Every stored address is the one its wallet's (chained) descriptor derives at its chain and index.
    static let walletAddresses = DerivedTableCheck(table: "wallet_address") { db in
        for wallet in try WalletRegistry.wallets(db) {
            for chain in 0...1 {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT idx, address, script_pubkey FROM wallet_address WHERE wallet_id = ? AND chain = ? ORDER BY idx
                    """, arguments: [wallet.id, chain])
                guard !rows.isEmpty else { continue }
                guard let descriptor = try? wallet.descriptor(chain: chain), let deriver = try? WalletRegistry.deriver(descriptor) else {
                    return DerivedDifference(table: "wallet_address", key: "wallet=\(wallet.name) chain=\(chain)",
                                             expected: "no addresses (its descriptor has no such chain)", found: "\(rows.count) addresses")
                }
                for r in rows {
                    let index: Int64 = r["idx"]
                    let script = try WalletRegistry.script(deriver, UInt32(index))
                    let stored = [UInt8](r["script_pubkey"] as Data)
                    let address = WalletRegistry.addressText(script, wallet.network)
                    if stored != script || (r["address"] as String?) != address {
                        return DerivedDifference(table: "wallet_address", key: "wallet=\(wallet.name) chain=\(chain) index=\(index)",
                                                 expected: "\(address ?? "-") script \(Hex.encode(script))",
                                                 found: "\((r["address"] as String?) ?? "-") script \(Hex.encode(stored))")
                    }
                }
            }
        }
        return nil
    }
}
