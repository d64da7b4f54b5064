import GRDB
import Ledger

/// A mining site's installed hashrate and power (`reserve site set SITE --hashrate-ths N --power-kw N`):
/// the mining report derives energy efficiency (J/TH) and hashprice from them.
public struct SiteSpec: Sendable, Equatable {
    public var site: String
    /// Terahashes per second (whole TH/s).
    public var hashrateTHs: Int64
    /// Power drawn by the miners, whole kilowatts.
    public var powerKW: Int64

    public init(site: String, hashrateTHs: Int64, powerKW: Int64) throws {
        guard hashrateTHs > 0 else {
            throw ReportError.invalidSiteFigure(field: "--hashrate-ths", value: String(hashrateTHs), reason: "must be > 0")
        }
        guard powerKW > 0 else {
            throw ReportError.invalidSiteFigure(field: "--power-kw", value: String(powerKW), reason: "must be > 0")
        }
        self.site = site
        self.hashrateTHs = hashrateTHs
        self.powerKW = powerKW
    }

    /// Joules per terahash in thousandths: `power_kw * 1000 / hashrate_ths` J/TH, times 1000, half-even.
    public var efficiencyMilliJPerTH: Int64? { ReportMath.ratio(powerKW, times: 1_000_000, over: hashrateTHs) }
}

/// The `site_spec` table (a named migration; not a journal table: a site's figures may be replaced).
public enum SiteSpecs {
    static let migration = LedgerMigration("treasury-v1-site-spec") { db in
        try db.execute(sql: """
            CREATE TABLE site_spec (
              site TEXT PRIMARY KEY NOT NULL CHECK (site GLOB '[A-Za-z]*' AND site NOT GLOB '*[^A-Za-z0-9-]*'),
              hashrate_ths INTEGER NOT NULL CHECK (hashrate_ths > 0),
              power_kw INTEGER NOT NULL CHECK (power_kw > 0)
            ) STRICT, WITHOUT ROWID
            """)
    }

    /// Sets (or replaces) a site's figures.
    public static func set(_ spec: SiteSpec, in store: LedgerStore) throws {
        try store.write { w in try set(spec, db: w.db) }
    }

    /// Sets (or replaces) a site's figures inside a write.
    public static func set(_ spec: SiteSpec, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO site_spec(site, hashrate_ths, power_kw) VALUES (?, ?, ?)
            ON CONFLICT(site) DO UPDATE SET hashrate_ths = excluded.hashrate_ths, power_kw = excluded.power_kw
            """, arguments: [spec.site, spec.hashrateTHs, spec.powerKW])
    }

    /// Every site's figures, keyed by the site's account component (`Income:Mining:<component>`).
    public static func all(_ db: Database) throws -> [String: SiteSpec] {
        var result: [String: SiteSpec] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT site, hashrate_ths, power_kw FROM site_spec") {
            let spec = try SiteSpec(site: row[0], hashrateTHs: row[1], powerKW: row[2])
            result[Identifiers.accountComponent(spec.site)] = spec
        }
        return result
    }
}
