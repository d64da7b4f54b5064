import GRDB
import Ledger

/// Why a pool or site could not be declared or used.
public enum PoolError: Error, Equatable, Sendable, CustomStringConvertible {
    case basisAlreadyDeclared(pool: String, basis: PoolBasis)
    case siteNameClash(site: String, existing: String)

    public var description: String {
        switch self {
        case .basisAlreadyDeclared(let p, let b):
            return "pool \(p) is already declared on \(b) basis; its bookings depend on it, so it cannot change"
        case .siteNameClash(let s, let e):
            return "site \(s) would share the account name of site \(e) (ids differ only in the case of their first letter)"
        }
    }
}

/// Pools and sites, created on first use (or, when new ones are not allowed, noted), cached for the length of one
/// write.
public final class PoolDirectory {
    private let writer: LedgerWriter
    private var db: Database { writer.db }
    private var pools: [String: PoolBasis] = [:]
    private var sites: Set<String> = []
    /// Whether a pool or site not declared before is recorded on first use; when not, it is noted in `newPools` or
    /// `newSites` (and treated as a cash pool, or a site, for the rest of the write, which the caller rolls back).
    public var allowsNewPools = true
    public var allowsNewSites = true
    /// Undeclared pools and sites named while new ones were not allowed, in order of first use.
    public private(set) var newPools: [String] = []
    public private(set) var newSites: [String] = []

    /// Declarations are chained through `writer` (`TreasuryConfiguration`).
    public init(writer: LedgerWriter) { self.writer = writer }

    /// The basis of `pool`; a pool not seen before is recorded as cash (or noted, see `allowsNewPools`).
    public func basis(of pool: String) throws -> PoolBasis {
        if let b = pools[pool] { return b }
        if let text = try String.fetchOne(db, sql: "SELECT basis FROM pool WHERE id = ?", arguments: [pool]),
           let b = PoolBasis(rawValue: text) {
            pools[pool] = b
            return b
        }
        if allowsNewPools {
            try db.execute(sql: "INSERT INTO pool(id, basis) VALUES (?, 'cash')", arguments: [pool])
            try TreasuryConfiguration.record(writer, kind: TreasuryConfiguration.poolKind, key: pool,
                                             body: TreasuryConfiguration.poolBody(id: pool, basis: "cash"))
        } else {
            newPools.append(pool)
        }
        pools[pool] = .cash
        return .cash
    }

    /// Declares `pool` on `basis`: new pools are recorded, a pool already on that basis is left alone, and
    /// one on the other basis is refused. Returns whether it was new.
    @discardableResult
    public func declare(_ pool: String, basis: PoolBasis) throws -> Bool {
        if let text = try String.fetchOne(db, sql: "SELECT basis FROM pool WHERE id = ?", arguments: [pool]) {
            guard text == basis.rawValue else {
                throw PoolError.basisAlreadyDeclared(pool: pool, basis: PoolBasis(rawValue: text) ?? .cash)
            }
            return false
        }
        try db.execute(sql: "INSERT INTO pool(id, basis) VALUES (?, ?)", arguments: [pool, basis.rawValue])
        try TreasuryConfiguration.record(writer, kind: TreasuryConfiguration.poolKind, key: pool,
                                         body: TreasuryConfiguration.poolBody(id: pool, basis: basis.rawValue))
        pools[pool] = basis
        return true
    }

    /// Records `site` on first use (or notes it, see `allowsNewSites`); refuses an id whose account name another
    /// site already has.
    public func useSite(_ site: String) throws {
        if sites.contains(site) { return }
        if try !declareSite(site, recording: allowsNewSites) { newSites.append(site) }
        sites.insert(site)
    }

    /// Declares `site` (`reserve site add`). Returns whether it was new.
    @discardableResult
    public func declareSite(_ site: String) throws -> Bool {
        let existed = try String.fetchOne(db, sql: "SELECT id FROM site WHERE id = ?", arguments: [site]) != nil
        _ = try declareSite(site, recording: true)
        sites.insert(site)
        return !existed
    }

    /// Whether `site` is known after the call: it was already, or `recording` let it be recorded.
    private func declareSite(_ site: String, recording: Bool) throws -> Bool {
        let component = Identifiers.accountComponent(site)
        if let existing = try String.fetchOne(db, sql: "SELECT id FROM site WHERE account_component = ?", arguments: [component]) {
            guard existing == site else { throw PoolError.siteNameClash(site: site, existing: existing) }
            return true
        }
        guard recording else { return false }
        try db.execute(sql: "INSERT INTO site(id, account_component) VALUES (?, ?)", arguments: [site, component])
        try TreasuryConfiguration.record(writer, kind: TreasuryConfiguration.siteKind, key: site,
                                         body: TreasuryConfiguration.siteBody(id: site, component: component))
        return true
    }
}
