/// A table for the HTML page, with human column titles: numbers right-aligned, a total row, and a box of its own
/// that scrolls sideways on a narrow screen instead of widening the page.
struct HTMLTable {
    struct Column {
        var title: String
        var numeric: Bool
        /// Long unbreakable text (hashes, outpoints, addresses) that may wrap anywhere.
        var breaks = false

        static func text(_ title: String, breaks: Bool = false) -> Column { Column(title: title, numeric: false, breaks: breaks) }
        static func number(_ title: String) -> Column { Column(title: title, numeric: true) }
    }

    var columns: [Column]
    var rows: [[String]]
    var total: [String]?
    /// Shown under the table (already escaped HTML).
    var note: String = ""
    var caption: String = ""

    func render() -> String {
        var out = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLText.escape(caption.isEmpty ? "table" : caption))\"><table>"
        if !caption.isEmpty { out += "<caption>" + HTMLText.escape(caption) + "</caption>" }
        out += "<thead><tr>" + columns.map { "<th scope=\"col\"\(cls($0))>" + HTMLText.escape($0.title) + "</th>" }.joined() + "</tr></thead><tbody>"
        func row(_ cells: [String], total: Bool) -> String {
            var r = total ? "<tr class=\"total\">" : "<tr>"
            for (i, text) in cells.enumerated() {
                let c = i < columns.count ? columns[i] : Column.text("")
                r += "<td\(cls(c))>" + HTMLText.escape(text) + "</td>"
            }
            return r + "</tr>"
        }
        for cells in rows { out += row(cells, total: false) }
        if rows.isEmpty { out += "<tr><td colspan=\"\(columns.count)\">none</td></tr>" }
        if let total { out += row(total, total: true) }
        out += "</tbody></table></div>"
        if !note.isEmpty { out += "<p class=\"note\">" + note + "</p>" }
        return out
    }

    private func cls(_ c: Column) -> String {
        c.numeric ? " class=\"num\"" : (c.breaks ? " class=\"brk\"" : "")
    }
}
