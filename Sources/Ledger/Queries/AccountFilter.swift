import Foundation
import GRDB

/// Which accounts a query covers and how deep it shows them: a regular expression matched case-insensitively
/// anywhere in the full name (as hledger matches account queries), and a depth past which names are clipped
/// (`Assets:Reserve:Cold` at depth 2 is `Assets:Reserve`, its amounts summed there).
public struct AccountFilter: Sendable, Hashable {
    /// ICU regular expression; nil matches every account.
    public let pattern: String?
    /// Components kept (1 = the root); nil keeps whole names.
    public let depth: Int?

    /// Throws ``QueryError/badPattern(_:reason:)`` for an invalid expression, ``QueryError/badDepth(_:)`` below 1.
    public init(pattern: String? = nil, depth: Int? = nil) throws {
        if let depth, depth < 1 { throw QueryError.badDepth(depth) }
        if let pattern { _ = try AccountFilter.compile(pattern) }
        self.pattern = pattern?.isEmpty == true ? nil : pattern
        self.depth = depth
    }

    static func compile(_ pattern: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            throw QueryError.badPattern(pattern, reason: "not a valid regular expression")
        }
    }

    /// The names of `names` that match the pattern.
    public func matching(_ names: [String]) -> [String] {
        guard let pattern, let regex = try? AccountFilter.compile(pattern) else { return names }
        return names.filter { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    /// `name` cut to `depth` components.
    public func clip(_ name: String) -> String {
        guard let depth else { return name }
        var count = 0
        var end = name.endIndex
        for i in name.indices where name[i] == ":" {
            count += 1
            if count == depth { end = i; break }
        }
        return String(name[..<end])
    }

    /// Ids of the matching accounts (every account when there is no pattern).
    func accountIDs(_ db: Database) throws -> [Int64] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, name FROM account ORDER BY name")
        guard pattern != nil else { return rows.map { $0[0] } }
        let names = Set(matching(rows.map { $0[1] }))
        return rows.filter { names.contains($0[1]) }.map { $0[0] }
    }
}

/// A query the ledger cannot run as written (the CLI reports it as a usage error).
public enum QueryError: Error, Equatable, CustomStringConvertible {
    case badPattern(String, reason: String)
    case badDepth(Int)

    public var description: String {
        switch self {
        case .badPattern(let p, let r): return "account pattern \"\(p)\": \(r)"
        case .badDepth(let d): return "--depth \(d): must be 1 or more"
        }
    }
}
