import Foundation

/// Renders a report for programs: CSV and JSON with, for every numeric column, the exact integer (minor units,
/// satoshis) under its `integerKey` and the formatted string (no separators) under its `key`.
public enum ReportDataRenderer {
    /// One JSON document: `report`, the parameters, `passed` and `findings` for checking reports, then for each
    /// section its rows under the section id and its total under `<id>_total`.
    public static func json(_ report: ReportDocument) -> String {
        var fields: [String] = ["\"report\":" + quote(report.name)]
        for (k, v) in report.parameters { fields.append(quote(k) + ":" + quote(v)) }
        if let passed = report.passed {
            fields.append("\"passed\":" + (passed ? "true" : "false"))
            fields.append("\"findings\":[" + report.findings.map(quote).joined(separator: ",") + "]")
        }
        for s in report.sections {
            fields.append(quote(s.id) + ":[" + s.rows.map { object(s.columns, $0) }.joined(separator: ",\n") + "]")
            if let total = s.total { fields.append(quote(s.id + "_total") + ":" + object(s.columns, total)) }
        }
        return "{" + fields.joined(separator: ",\n") + "}\n"
    }

    /// One object per row (JSON Lines), each naming its `report` and `section`; totals carry `"total": true`.
    public static func jsonLines(_ report: ReportDocument) -> String {
        var out = ""
        for s in report.sections {
            let head = "\"report\":" + quote(report.name) + ",\"section\":" + quote(s.id) + ","
            for row in s.rows { out += "{" + head + members(s.columns, row) + "}\n" }
            if let total = s.total { out += "{" + head + "\"total\":true," + members(s.columns, total) + "}\n" }
        }
        return out
    }

    /// CSV (RFC 4180): each section as a header and its rows, the total row last; sections separated by an empty line.
    public static func csv(_ report: ReportDocument) -> String {
        report.sections.map { s in
            var header: [String] = []
            for c in s.columns {
                if let ik = c.integerKey { header.append(ik) }
                header.append(c.key)
            }
            var lines = [header.map(csvQuote).joined(separator: ",")]
            for row in s.rows + (s.total.map { [$0] } ?? []) {
                var values: [String] = []
                for (cell, c) in zip(row, s.columns) {
                    if c.integerKey != nil { values.append(integerText(cell)) }
                    values.append(ReportFormat.text(cell, c.unit, grouped: false))
                }
                lines.append(values.map(csvQuote).joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    static func object(_ columns: [ReportColumn], _ row: [ReportCell]) -> String { "{" + members(columns, row) + "}" }

    static func members(_ columns: [ReportColumn], _ row: [ReportCell]) -> String {
        var parts: [String] = []
        for (cell, c) in zip(row, columns) {
            if let ik = c.integerKey {
                if case .int(let v) = cell { parts.append(quote(ik) + ":" + String(v)) } else { parts.append(quote(ik) + ":null") }
                if case .none = cell { parts.append(quote(c.key) + ":null"); continue }
            }
            switch cell {
            case .none: parts.append(quote(c.key) + ":null")
            case .text, .int: parts.append(quote(c.key) + ":" + quote(ReportFormat.text(cell, c.unit, grouped: false)))
            }
        }
        return parts.joined(separator: ",")
    }

    static func integerText(_ cell: ReportCell) -> String {
        if case .int(let v) = cell { return String(v) }
        return ""
    }

    static func quote(_ s: String) -> String { JSONText.quote(s) }

    static func csvQuote(_ s: String) -> String { CSVText.quote(s) }
}
