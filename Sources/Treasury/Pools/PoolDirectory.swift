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

/// Pools and sites, created on first use, cached for the length of one write.
public final class PoolDirectory {
    private let db: Database
    private var pools: [String: PoolBasis] = [:]
    private var sites: Set<String> = []

    public init(db: Database) { self.db = db }

    /// The basis of `pool`; a pool not seen before is recorded as cash.
    public func basis(of pool: String) throws -> PoolBasis {
        if let b = pools[pool] { return b }
        if let text = try String.fetchOne(db, sql: "SELECT basis FROM pool WHERE id = ?", arguments: [pool]),
           let b = PoolBasis(rawValue: text) {
            pools[pool] = b
            return b
        }
        try db.execute(sql: "INSERT INTO pool(id, basis) VALUES (?, 'cash')", arguments: [pool])
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
        pools[pool] = basis
        return true
    }

    /// Records `site` on first use; refuses an id whose account name another site already has.
    public func useSite(_ site: String) throws {
        if sites.contains(site) { return }
        let component = Identifiers.accountComponent(site)
        if let existing = try String.fetchOne(db, sql: "SELECT id FROM site WHERE account_component = ?", arguments: [component]) {
            guard existing == site else { throw PoolError.siteNameClash(site: site, existing: existing) }
        } else {
            try db.execute(sql: "INSERT INTO site(id, account_component) VALUES (?, ?)", arguments: [site, component])
        }
        sites.insert(site)
    }
}
