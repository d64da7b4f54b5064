import Foundation

/// Renders a report for programs (docs/json.md, JSON version 2): for every numeric column the exact integer
/// (minor units, satoshis, counts) under its `integerKey` as a JSON integer, and, except for counts, the formatted
/// text (no separators) under its `key`. Parameters keep their types.
public enum ReportDataRenderer {
    /// The version of the JSON shape every document carries as `json_version`.
    public static let jsonVersion: Int64 = 2

    /// One JSON document: `json_version`, `report`, `title`, the parameters, `passed` and `findings` for checking
    /// reports, then for each section its rows under the section id and its total under `<id>_total`.
    public static func json(_ report: ReportDocument) -> String {
        "{" + members(report).joined(separator: ",\n") + "}\n"
    }

    /// The members of the report's JSON object, in order (shared with `report all`, which nests documents).
    public static func members(_ report: ReportDocument) -> [String] {
        var fields: [String] = ["\"json_version\":\(jsonVersion)", "\"report\":" + quote(report.name),
                                "\"title\":" + quote(report.title)]
        for (k, v) in report.parameters { fields.append(quote(k) + ":" + json(v)) }
        if let passed = report.passed {
            fields.append("\"passed\":" + (passed ? "true" : "false"))
            fields.append("\"findings\":[" + report.findings.map(quote).joined(separator: ",") + "]")
        }
        for s in report.sections {
            fields.append(quote(s.id) + ":[" + s.rows.map { object(s.columns, $0) }.joined(separator: ",\n") + "]")
            if let total = s.total { fields.append(quote(s.id + "_total") + ":" + object(s.columns, total)) }
        }
        return fields
    }

    /// One object per row (JSON Lines), each with `json_version`, `report`, `section` and `total` (true on the
    /// total row).
    public static func jsonLines(_ report: ReportDocument) -> String {
        var out = ""
        for s in report.sections {
            let head = "\"json_version\":\(jsonVersion),\"report\":" + quote(report.name) + ",\"section\":" + quote(s.id) + ","
            for row in s.rows { out += "{" + head + "\"total\":false," + members(s.columns, row) + "}\n" }
            if let total = s.total { out += "{" + head + "\"total\":true," + members(s.columns, total) + "}\n" }
        }
        return out
    }

    /// CSV (RFC 4180) of one report: one rectangular table. With more than one section, a leading `section` column;
    /// always a `total` column (`true` on total rows). Columns are the union of the sections' fields in order of
    /// first appearance; a field a section lacks is empty.
    public static func csv(_ report: ReportDocument) -> String {
        csv([report], reportColumn: false)
    }

    /// Several reports as one table (`report all`): `report` and `section` columns lead when `reportColumn`.
    public static func csv(_ reports: [ReportDocument], reportColumn: Bool) -> String {
        let sectionCount = reports.reduce(0) { $0 + $1.sections.count }
        let withSection = reportColumn || sectionCount > 1
        var names: [String] = []
        for r in reports {
            for s in r.sections {
                for c in s.columns { for n in c.fieldNames where !names.contains(n) { names.append(n) } }
            }
        }
        var header = (reportColumn ? ["report"] : []) + (withSection ? ["section"] : []) + ["total"]
        header += names
        var lines = [header.map(csvQuote).joined(separator: ",")]
        for r in reports {
            for s in r.sections {
                for (row, isTotal) in s.rows.map({ ($0, false) }) + (s.total.map { [($0, true)] } ?? []) {
                    var values: [String: String] = [:]
                    for (cell, c) in zip(row, s.columns) {
                        if let ik = c.integerKey { values[ik] = integerText(cell) }
                        if let tk = c.textKey { values[tk] = ReportFormat.text(cell, c.unit, grouped: false) }
                    }
                    var out = (reportColumn ? [r.name] : []) + (withSection ? [s.id] : []) + [isTotal ? "true" : "false"]
                    out += names.map { values[$0] ?? "" }
                    lines.append(out.map(csvQuote).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func object(_ columns: [ReportColumn], _ row: [ReportCell]) -> String { "{" + members(columns, row) + "}" }

    static func members(_ columns: [ReportColumn], _ row: [ReportCell]) -> String {
        var parts: [String] = []
        for (cell, c) in zip(row, columns) {
            if let ik = c.integerKey {
                if case .int(let v) = cell { parts.append(quote(ik) + ":" + String(v)) } else { parts.append(quote(ik) + ":null") }
            }
            guard let tk = c.textKey, tk != c.integerKey else { continue }
            switch cell {
            case .none: parts.append(quote(tk) + ":null")
            case .text, .int: parts.append(quote(tk) + ":" + quote(ReportFormat.text(cell, c.unit, grouped: false)))
            }
        }
        return parts.joined(separator: ",")
    }

    /// A parameter as JSON, keeping its type.
    public static func json(_ value: ReportValue) -> String {
        switch value {
        case .text(let s): return quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func integerText(_ cell: ReportCell) -> String {
        if case .int(let v) = cell { return String(v) }
        return ""
    }

    static func quote(_ s: String) -> String { JSONText.quote(s) }

    static func csvQuote(_ s: String) -> String { CSVText.quote(s) }
}
