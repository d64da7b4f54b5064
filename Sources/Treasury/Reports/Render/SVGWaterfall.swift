/// A horizontal waterfall for the HTML report: the opening total, steps that add or take away, the closing total.
/// Each row has its label above its bar and the exact figure beside it, so it reads at phone and desktop widths.
/// Bars are drawn from exact integers converted to Double only for geometry.
struct SVGWaterfall {
    struct Row {
        var label: String
        /// The step (signed), or the total for an opening or closing row.
        var amount: Int64
        var isTotal: Bool
        /// The exact figure shown beside the bar and on hover.
        var text: String
    }

    var rows: [Row]
    var unit: String
    var width = 760.0
    var description: String
    var cssClass = ""

    static let totalColor = "#1f5f8b", inColor = "#4a9a6a", outColor = "#d08c2e"

    func render() -> String {
        let rowH = 40.0, top = 8.0, leftPad = 6.0, textRoom = min(150.0, width * 0.34)
        let plotW = width - leftPad - textRoom
        // The running total at each row's two ends, to scale the bars.
        var spans: [(Double, Double)] = []
        var running: Int64 = 0
        var lo: Int64 = 0, hi: Int64 = 0
        for r in rows {
            let start = r.isTotal ? 0 : running
            let end = r.isTotal ? r.amount : running + r.amount
            running = end
            spans.append((Double(start), Double(end)))
            lo = min(lo, start, end)
            hi = max(hi, start, end)
        }
        let range = max(Double(hi - lo), 1)
        func x(_ v: Double) -> Double { leftPad + (v - Double(lo)) / range * plotW }
        let height = top + rowH * Double(rows.count) + 6
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" class=\"chart \(cssClass)\" "
            + "role=\"img\" aria-label=\"\(HTMLText.escape(description))\" preserveAspectRatio=\"xMinYMin meet\">"
        // Connectors first, from each row's end to the next row's start, so the labels (haloed) sit above them.
        for i in rows.indices where i + 1 < rows.count && !rows[i + 1].isTotal {
            let y0 = top + rowH * Double(i), b = spans[i].1
            svg += "<line x1=\"\(n(x(b)))\" x2=\"\(n(x(b)))\" y1=\"\(n(y0 + 33))\" y2=\"\(n(y0 + rowH + 17))\" class=\"wf-link\"/>"
        }
        for (i, r) in rows.enumerated() {
            let y0 = top + rowH * Double(i)
            let (a, b) = spans[i]
            let x0 = x(min(a, b)), x1 = x(max(a, b))
            let w = max(x1 - x0, r.amount == 0 ? 0 : 2)
            let color = r.isTotal ? SVGWaterfall.totalColor : (r.amount >= 0 ? SVGWaterfall.inColor : SVGWaterfall.outColor)
            svg += "<text x=\"\(n(leftPad))\" y=\"\(n(y0 + 12))\" class=\"wf-label\(r.isTotal ? " total" : "")\">\(HTMLText.escape(r.label))</text>"
            svg += "<rect x=\"\(n(x0))\" y=\"\(n(y0 + 17))\" width=\"\(n(w))\" height=\"16\" fill=\"\(color)\">"
                + "<title>\(HTMLText.escape(r.label + ": " + r.text + " " + unit))</title></rect>"
            svg += "<text x=\"\(n(width - 4))\" y=\"\(n(y0 + 30))\" class=\"wf-value\(r.isTotal ? " total" : "")\" text-anchor=\"end\">"
                + HTMLText.escape(r.text) + "</text>"
        }
        return svg + "</svg>"
    }

    private func n(_ v: Double) -> String { SVGChart.number(v) }
}
