/// Renders a report for people: title, parameters, then each section as aligned columns with thousands
/// separators (BTC with 8 decimals, currencies with their scale), numbers right-aligned, total under a rule.
public enum ReportTextRenderer {
    public static func render(_ report: ReportDocument) -> String {
        var out = report.title + "\n"
        for (k, v) in report.parameters { out += "  \(k): \(v)\n" }
        if let passed = report.passed { out += "  result: " + (passed ? "all checks passed" : "MISMATCH") + "\n" }
        for f in report.findings { out += "  ! \(f)\n" }
        for section in report.sections {
            out += "\n" + section.title + "\n" + table(section)
        }
        return out
    }

    /// One section as aligned text.
    public static func table(_ s: ReportSection) -> String {
        let titles = s.columns.map(\.title)
        func cells(_ row: [ReportCell]) -> [String] {
            zip(row, s.columns).map { ReportFormat.text($0, $1.unit, grouped: true) }
        }
        let body = s.rows.map(cells)
        let total = s.total.map(cells)
        var widths = titles.map(\.count)
        for row in body + (total.map { [$0] } ?? []) {
            for (i, t) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], t.count) }
        }
        func line(_ texts: [String]) -> String {
            var parts: [String] = []
            for (i, t) in texts.enumerated() {
                let fill = String(repeating: " ", count: max(0, widths[i] - t.count))
                parts.append(ReportFormat.isNumeric(s.columns[i].unit) ? fill + t : t + fill)
            }
            var l = parts.joined(separator: "  ")
            while l.last == " " { l.removeLast() }
            return l + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(titles) + rule
        if body.isEmpty { out += "(none)\n" }
        for row in body { out += line(row) }
        if let total { out += rule + line(total) }
        return out
    }
}
