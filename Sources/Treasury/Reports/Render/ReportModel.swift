import Ledger

/// How a column's integers read: decides the formatted text and the JSON field names (docs/reports.md).
public enum ReportUnit: Sendable, Equatable {
    /// Free text (names, dates, statuses).
    case text
    /// A plain count or integer quantity.
    case count
    /// Satoshis, formatted as BTC with 8 decimals.
    case sats
    /// Minor units of a currency with `scale` decimals.
    case money(currency: String, scale: Int)
    /// An integer carrying `scale` implied decimals (ratios such as J/TH in thousandths).
    case fixed(scale: Int)
}

/// One column: `key` names the formatted string in JSON and CSV, `integerKey` (when the unit is numeric) the
/// exact integer beside it; `title` heads the table column. A count has no text form: its `key` is its `integerKey`
/// and JSON and CSV carry the integer only (docs/json.md). `priority` orders columns for a narrow terminal: lower
/// numbers are kept first.
public struct ReportColumn: Sendable, Equatable {
    public var key: String
    public var integerKey: String?
    public var title: String
    public var unit: ReportUnit
    public var priority: Int

    public init(_ key: String, integer integerKey: String? = nil, title: String, unit: ReportUnit = .text, priority: Int = 1) {
        self.key = key
        self.integerKey = integerKey
        self.title = title
        self.unit = unit
        self.priority = priority
    }

    /// A count (days, outputs, a line number): one integer field, no text twin.
    public static func count(_ integerKey: String, title: String, priority: Int = 1) -> ReportColumn {
        ReportColumn(integerKey, integer: integerKey, title: title, unit: .count, priority: priority)
    }

    /// The name of the text field, or nil for a count (integer only).
    public var textKey: String? { unit == .count ? nil : key }

    /// Every field name this column contributes to JSON and CSV, integer first.
    public var fieldNames: [String] { [integerKey, textKey].compactMap { $0 }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}

/// A parameter or headline value of a report: JSON keeps its type (docs/json.md).
public enum ReportValue: Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case int(Int64)
    case bool(Bool)
    case null

    public var description: String {
        switch self {
        case .text(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }
}

/// One cell: text, an integer in its column's unit, or nothing (not applicable, e.g. cost per BTC with none mined).
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case int(Int64)
    case none
}

/// A table of a report: rows and an optional total row, all in the same columns.
public struct ReportSection: Sendable, Equatable {
    public var id: String
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var total: [ReportCell]?

    public init(id: String, title: String, columns: [ReportColumn], rows: [[ReportCell]], total: [ReportCell]? = nil) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.total = total
    }
}

/// A finished report: what it is, its parameters, its tables, and its verdict when it checks something.
public struct ReportDocument: Sendable, Equatable {
    public var name: String
    public var title: String
    /// Parameters and headline facts, in order (`as_of`, `currency`, `snapshot_height`…), typed.
    public var parameters: [(String, ReportValue)]
    public var sections: [ReportSection]
    /// For checking reports (reconcile, reserves): whether every check passed.
    public var passed: Bool?
    /// What did not match, one sentence each (empty when passed).
    public var findings: [String]

    public init(name: String, title: String, parameters: [(String, ReportValue)], sections: [ReportSection],
                passed: Bool? = nil, findings: [String] = []) {
        self.name = name
        self.title = title
        self.parameters = parameters
        self.sections = sections
        self.passed = passed
        self.findings = findings
    }

    /// A parameter's value as text ("" when absent).
    public func parameter(_ name: String) -> String { parameters.first { $0.0 == name }?.1.description ?? "" }

    /// Only the sections named (all when `ids` is nil), for `--section`.
    public func only(_ ids: [String]?) -> ReportDocument {
        guard let ids else { return self }
        var copy = self
        copy.sections = sections.filter { ids.contains($0.id) }
        return copy
    }

    public static func == (a: ReportDocument, b: ReportDocument) -> Bool {
        a.name == b.name && a.title == b.title && a.parameters.map(\.0) == b.parameters.map(\.0)
            && a.parameters.map(\.1) == b.parameters.map(\.1) && a.sections == b.sections && a.passed == b.passed
            && a.findings == b.findings
    }
}

/// Formatting of cells by unit: `grouped` adds thousands separators (tables), plain text otherwise (CSV, JSON).
public enum ReportFormat {
    public static func text(_ cell: ReportCell, _ unit: ReportUnit, grouped: Bool) -> String {
        switch cell {
        case .none: return ""
        case .text(let s): return s
        case .int(let v):
            let g: Character? = grouped ? "," : nil
            switch unit {
            case .text, .count: return MinorUnits.format(v, scale: 0, grouping: g)
            case .sats: return MinorUnits.format(v, scale: 8, grouping: g)
            case .money(_, let scale), .fixed(let scale): return MinorUnits.format(v, scale: scale, grouping: g)
            }
        }
    }

    /// Whether a column holds numbers (right-aligned in tables).
    public static func isNumeric(_ unit: ReportUnit) -> Bool { unit != .text }
}
