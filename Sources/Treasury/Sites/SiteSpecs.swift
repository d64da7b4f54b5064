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
    /// The first day these figures are in force; nil: from the start (before any later figures of the site).
    public var from: LedgerDate?

    public init(site: String, hashrateTHs: Int64, powerKW: Int64, from: LedgerDate? = nil) throws {
        guard hashrateTHs > 0 else {
            throw ReportError.invalidSiteFigure(field: "--hashrate-ths", value: String(hashrateTHs), reason: "must be > 0")
        }
        guard powerKW > 0 else {
            throw ReportError.invalidSiteFigure(field: "--power-kw", value: String(powerKW), reason: "must be > 0")
        }
        self.site = site
        self.hashrateTHs = hashrateTHs
        self.powerKW = powerKW
        self.from = from
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
        try store.write { w in try set(spec, writer: w) }
    }

    /// The first-day key of figures in force from the start.
    static let fromStart = "0001-01-01"

    /// v4: a site's figures take an effective date (`site set SITE --from DATE`), so re-equipping a site does not
    /// rewrite the past months of the mining report. Earlier figures are in force from the start.
    static let datedMigration = LedgerMigration("treasury-v4-dated-site-specs") { db in
        try db.execute(sql: """
            CREATE TABLE site_spec_dated (
              site TEXT NOT NULL CHECK (site GLOB '[A-Za-z]*' AND site NOT GLOB '*[^A-Za-z0-9-]*'),
              from_date TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
              hashrate_ths INTEGER NOT NULL CHECK (hashrate_ths > 0),
              power_kw INTEGER NOT NULL CHECK (power_kw > 0),
              PRIMARY KEY (site, from_date)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO site_spec_dated SELECT site, '\(fromStart)', hashrate_ths, power_kw FROM site_spec;
            DROP TABLE site_spec;
            ALTER TABLE site_spec_dated RENAME TO site_spec;
            """)
    }

    /// Sets a site's figures from `spec.from` (from the start when nil; replacing figures of the same first day)
    /// inside a write, and chains them (`TreasuryConfiguration`).
    public static func set(_ spec: SiteSpec, writer: LedgerWriter) throws {
        let from = spec.from?.description ?? fromStart
        try TreasuryConfiguration.record(writer, kind: TreasuryConfiguration.siteSpecKind, key: "\(spec.site)@\(from)",
                                         body: TreasuryConfiguration.siteSpecBody(site: spec.site, hashrateTHs: spec.hashrateTHs,
                                                                                  powerKW: spec.powerKW, from: from))
        try writer.db.execute(sql: """
            INSERT INTO site_spec(site, from_date, hashrate_ths, power_kw) VALUES (?, ?, ?, ?)
            ON CONFLICT(site, from_date) DO UPDATE SET hashrate_ths = excluded.hashrate_ths, power_kw = excluded.power_kw
            """, arguments: [spec.site, from, spec.hashrateTHs, spec.powerKW])
    }

    /// Every site's figures, keyed by the site's account component (`Income:Mining:<component>`), oldest first.
    public static func all(_ db: Database) throws -> [String: [SiteSpec]] {
        var result: [String: [SiteSpec]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT site, from_date, hashrate_ths, power_kw FROM site_spec ORDER BY site, from_date") {
            let fromText: String = row["from_date"]
            let spec = try SiteSpec(site: row["site"], hashrateTHs: row["hashrate_ths"], powerKW: row["power_kw"],
                                    from: fromText == fromStart ? nil : try LedgerDate(fromText))
            result[Identifiers.accountComponent(spec.site), default: []].append(spec)
        }
        return result
    }

    /// The figures in force on `date` among `specs` (oldest first).
    public static func inForce(_ specs: [SiteSpec], on date: LedgerDate) -> SiteSpec? {
        specs.last { $0.from.map { $0 <= date } ?? true }
    }
}
