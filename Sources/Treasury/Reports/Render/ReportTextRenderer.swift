/// How a table is laid out for a person: the terminal's width (nil: no limit), the columns asked for by name, and
/// whether failures may be coloured (a terminal without `NO_COLOR`).
public struct TextLayout: Sendable {
    public var width: Int?
    public var columns: [String]?
    public var colour: Bool

    public init(width: Int? = nil, columns: [String]? = nil, colour: Bool = false) {
        self.width = width
        self.columns = columns
        self.colour = colour
    }

    /// Red text when colour is on (failures and differences only).
    public func red(_ text: String) -> String { colour ? "\u{1B}[31m" + text + "\u{1B}[0m" : text }

    /// Which of `count` columns to show, in their order: those named in `columns` (matched against any of a
    /// column's names, case-insensitively), else as many as fit `width` taking lower `priority` first.
    /// `widths` are the columns' widths; two spaces separate columns.
    public func pick(names: [[String]], priorities: [Int], widths: [Int]) -> [Int] {
        let all = Array(names.indices)
        if let wanted = columns {
            let lowered = wanted.map { $0.lowercased() }
            return all.filter { i in names[i].contains { lowered.contains($0.lowercased()) } }
        }
        guard let width else { return all }
        var chosen: [Int] = []
        var used = 0
        for i in all.sorted(by: { (priorities[$0], $0) < (priorities[$1], $1) }) {
            let extra = widths[i] + (chosen.isEmpty ? 0 : 2)
            if chosen.isEmpty || used + extra <= width {
                chosen.append(i)
                used += extra
            } else if priorities[i] == 0 {
                chosen.append(i)  // the essential columns are kept even when they overflow
                used += extra
            } else {
                break  // keep the priority order: nothing less important squeezes in after a column that did not fit
            }
        }
        return chosen.sorted()
    }
}

/// Renders a report for people: title, parameters, then each section as aligned columns with thousands
/// separators (BTC with 8 decimals, currencies with their scale), numbers right-aligned, total under a rule;
/// columns that do not fit the layout's width are left out with a note naming how to see them.
public enum ReportTextRenderer {
    public static func render(_ report: ReportDocument, layout: TextLayout = TextLayout()) -> String {
        var out = report.title + "\n"
        for (k, v) in report.parameters where v != .null {
            if let unit = k.unitSuffix, report.parameters.contains(where: { $0.0 == String(k.dropLast(unit.count)) }) { continue }
            out += "  \(k.replacingOccurrences(of: "_", with: " ")): \(v)\n"
        }
        if let passed = report.passed {
            out += "  result: " + (passed ? "all checks passed" : layout.red("MISMATCH")) + "\n"
        }
        for f in report.findings { out += "  " + layout.red("! \(f)") + "\n" }
        for section in report.sections {
            out += "\n" + section.title + "\n" + table(section, layout: layout)
        }
        return out
    }

    /// One section as aligned text.
    public static func table(_ s: ReportSection, layout: TextLayout = TextLayout()) -> String {
        func cells(_ row: [ReportCell]) -> [String] {
            zip(row, s.columns).map { ReportFormat.text($0, $1.unit, grouped: true) }
        }
        let body = s.rows.map(cells)
        let total = s.total.map(cells)
        var widths = s.columns.map(\.title.count)
        for row in body + (total.map { [$0] } ?? []) {
            for (i, t) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], t.count) }
        }
        let shown = layout.pick(names: s.columns.map { [$0.key, $0.title] + ($0.integerKey.map { [$0] } ?? []) },
                                priorities: s.columns.map(\.priority), widths: widths)
        func line(_ texts: [String], colour: Bool = false) -> String {
            var parts: [String] = []
            for i in shown {
                let t = texts[i]
                let fill = String(repeating: " ", count: max(0, widths[i] - t.count))
                var cell = ReportFormat.isNumeric(s.columns[i].unit) ? fill + t : t + fill
                if colour && s.columns[i].key.hasPrefix("difference") && !t.isEmpty && t != "0.00000000" {
                    cell = layout.red(cell)
                }
                parts.append(cell)
            }
            var l = parts.joined(separator: "  ")
            while l.last == " " { l.removeLast() }
            return l + "\n"
        }
        let rule = shown.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
        var out = line(s.columns.map(\.title)) + rule
        if body.isEmpty { out += "(none)\n" }
        let statusColumn = s.columns.firstIndex { $0.key == "status" }
        for row in body {
            let failed = statusColumn.map { !["matched", "proven", "valid", ""].contains(row[$0]) } ?? false
            let text = line(row, colour: true)
            out += failed ? layout.red(String(text.dropLast())) + "\n" : text
        }
        if let total { out += rule + line(total) }
        let hidden = s.columns.count - shown.count
        if hidden > 0 && layout.columns == nil {
            out += "(\(hidden) more column\(hidden == 1 ? "" : "s"): --wide shows all, --columns NAME,… picks)\n"
        }
        return out
    }
}

extension String {
    /// The unit suffix of an integer field name (docs/json.md), or nil.
    var unitSuffix: String? {
        for suffix in ["_sats", "_minor", "_count", "_wh"] where hasSuffix(suffix) { return suffix }
        return nil
    }
}
