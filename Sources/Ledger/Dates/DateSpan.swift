/// An inclusive span of dates; either end may be open (nil: from the beginning, or with no end).
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
    public let first: LedgerDate?
    public let last: LedgerDate?

    /// A span; throws ``PeriodError/reversed(first:last:)`` when `first` comes after `last`.
    public init(first: LedgerDate?, last: LedgerDate?) throws {
        if let first, let last, last < first { throw PeriodError.reversed(first: first, last: last) }
        self.first = first
        self.last = last
    }

    /// A closed span known to be in order (callers that computed it).
    init(_ first: LedgerDate, _ last: LedgerDate) {
        self.first = first
        self.last = last
    }

    /// The days both spans cover (nil ends are open); throws `reversed` when they do not meet.
    public func intersection(_ other: DateSpan) throws -> DateSpan {
        let a = [first, other.first].compactMap { $0 }.max()
        let b = [last, other.last].compactMap { $0 }.min()
        return try DateSpan(first: a, last: b)
    }

    public func contains(_ date: LedgerDate) -> Bool {
        (first.map { $0 <= date } ?? true) && (last.map { date <= $0 } ?? true)
    }

    /// `2025-07-01..2025-09-30`, an open end left empty.
    public var description: String {
        (first?.description ?? "") + ".." + (last?.description ?? "")
    }
}

/// Why a `-p/--period` value or a date range was refused.
public enum PeriodError: Error, Equatable, CustomStringConvertible {
    case malformed(String, reason: String)
    case reversed(first: LedgerDate, last: LedgerDate)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): return "period \"\(text)\": \(reason)"
        case .reversed(let a, let b): return "the range ends (\(b)) before it starts (\(a))"
        }
    }
}
