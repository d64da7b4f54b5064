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
/// exact integer beside it; `title` heads the table column.
public struct ReportColumn: Sendable, Equatable {
    public var key: String
    public var integerKey: String?
    public var title: String
    public var unit: ReportUnit

    public init(_ key: String, integer integerKey: String? = nil, title: String, unit: ReportUnit = .text) {
        self.key = key
        self.integerKey = integerKey
        self.title = title
        self.unit = unit
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
    /// Parameters and headline facts, in order (`as_of`, `currency`, `snapshot_height`…), as text.
    public var parameters: [(String, String)]
    public var sections: [ReportSection]
    /// For checking reports (reconcile, reserves): whether every check passed.
    public var passed: Bool?
    /// What did not match, one sentence each (empty when passed).
    public var findings: [String]

    public init(name: String, title: String, parameters: [(String, String)], sections: [ReportSection],
                passed: Bool? = nil, findings: [String] = []) {
        self.name = name
        self.title = title
        self.parameters = parameters
        self.sections = sections
        self.passed = passed
        self.findings = findings
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
