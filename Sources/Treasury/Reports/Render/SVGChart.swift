/// Inline SVG charts for the HTML report: bars (grouped or stacked) with optional lines, axes, ticks in the axis's
/// unit, a legend that wraps, a `<title>` on every bar and point (hovering shows the exact figure) and an
/// `aria-label` on the chart. Geometry is in pixels (Double); the values plotted are converted from exact integers
/// only for drawing, the exact figures travel in the titles.
struct SVGChart {
    struct Series {
        var name: String
        var color: String
        var values: [Double?]
        /// The exact figure of each value, shown on hover ("Jul 2025 · Sahiwal: 4.12345678 BTC").
        var titles: [String?] = []

        func at(_ i: Int) -> Double? { values.indices.contains(i) ? values[i] : nil }
        func title(_ i: Int) -> String? { titles.indices.contains(i) ? titles[i] : nil }
    }

    /// An axis: its unit (shown above it) and, when several charts must compare, a scale fixed by the caller.
    struct Axis {
        var unit: String
        var scale: Scale? = nil
    }

    /// An axis maximum and tick step.
    struct Scale: Equatable {
        var max: Double
        var step: Double
    }

    /// Periods along the x axis, as "2025-07" (shown as "Jul 2025") or free text.
    var labels: [String]
    var bars: [Series] = []
    var stacked = false
    var lines: [Series] = []
    /// Lines on a second axis at the right (otherwise they share the left axis with the bars).
    var linesOnRightAxis = false
    var left: Axis
    var right = Axis(unit: "")
    var width = 760.0
    var height = 280.0
    /// The text alternative: what the chart shows, in a sentence.
    var description: String
    /// Extra CSS class on the `<svg>` (`chart-wide`, `chart-narrow`).
    var cssClass = ""

    private let leftPad = 58.0, rightPad = 58.0, top = 30.0, bottom = 40.0

    /// The maximum of the bars (stacked or not) and of the lines, for a shared scale over several charts.
    var barMax: Double {
        var m = 0.0
        for i in 0..<labels.count {
            if stacked { m = max(m, bars.reduce(0) { $0 + max($1.at(i) ?? 0, 0) }) } else { for b in bars { m = max(m, b.at(i) ?? 0) } }
        }
        return m
    }
    var lineMax: Double { lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0 }

    func render() -> String {
        let plotRight = linesOnRightAxis ? rightPad : 16
        let plotW = width - leftPad - plotRight, plotH = height - top - bottom
        let n = max(labels.count, 1)
        let slot = plotW / Double(n)
        let leftScale = left.scale ?? SVGChart.niceScale(linesOnRightAxis ? barMax : max(barMax, lineMax))
        let rightScale = right.scale ?? SVGChart.niceScale(lineMax)
        func y(_ v: Double, _ s: Scale) -> Double { top + plotH - min(v, s.max) / s.max * plotH }
        let legend = legendItems(width: width - 8)
        let totalH = height + legend.height
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(totalH))\" class=\"chart \(cssClass)\" "
            + "role=\"img\" aria-label=\"\(HTMLText.escape(description))\" preserveAspectRatio=\"xMinYMin meet\">"
        // Grid and left ticks.
        for t in SVGChart.ticks(leftScale) {
            let yy = y(t, leftScale)
            svg += "<line x1=\"\(f(leftPad))\" x2=\"\(f(leftPad + plotW))\" y1=\"\(f(yy))\" y2=\"\(f(yy))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(leftPad - 6))\" y=\"\(f(yy + 4))\" class=\"tick\" text-anchor=\"end\">\(SVGChart.tickText(t, leftScale.step))</text>"
        }
        if linesOnRightAxis {
            for r in SVGChart.ticks(rightScale) {
                svg += "<text x=\"\(f(leftPad + plotW + 6))\" y=\"\(f(y(r, rightScale) + 4))\" class=\"tick\">"
                    + SVGChart.tickText(r, rightScale.step) + "</text>"
            }
            svg += "<text x=\"\(f(width - 4))\" y=\"\(f(top - 14))\" class=\"axis\" text-anchor=\"end\">\(HTMLText.escape(right.unit))</text>"
        }
        svg += "<text x=\"4\" y=\"\(f(top - 14))\" class=\"axis\">\(HTMLText.escape(left.unit))</text>"
        svg += "<line x1=\"\(f(leftPad))\" x2=\"\(f(leftPad + plotW))\" y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" class=\"axisline\"/>"
        // Bars, each with its exact figure as a title.
        let groupW = slot * 0.72
        for i in 0..<labels.count {
            let x0 = leftPad + slot * Double(i) + (slot - groupW) / 2
            var base = 0.0
            for (k, b) in bars.enumerated() {
                guard let v = b.at(i), v > 0 else { continue }
                let tip = "<title>" + HTMLText.escape(b.title(i) ?? "\(SVGChart.periodLabel(labels[i])) · \(b.name)") + "</title>"
                if stacked {
                    // At least a hairline, so a series the legend names is never invisible.
                    let y1 = min(y(base + v, leftScale), y(base, leftScale) - 1.5), y0 = y(base, leftScale)
                    svg += "<rect x=\"\(f(x0))\" y=\"\(f(y1))\" width=\"\(f(groupW))\" height=\"\(f(y0 - y1))\" fill=\"\(b.color)\">\(tip)</rect>"
                    base += max(v, (y0 - y1) / plotH * leftScale.max)
                } else {
                    let w = groupW / Double(bars.count)
                    let yy = min(y(v, leftScale), top + plotH - 1.5)
                    svg += "<rect x=\"\(f(x0 + w * Double(k)))\" y=\"\(f(yy))\" width=\"\(f(max(w - 1, 1)))\" "
                        + "height=\"\(f(top + plotH - yy))\" fill=\"\(b.color)\">\(tip)</rect>"
                }
            }
        }
        // Lines with points, each point with its exact figure.
        for l in lines {
            let scale = linesOnRightAxis ? rightScale : leftScale
            var path = ""
            var points = ""
            for i in 0..<labels.count {
                guard let v = l.at(i) else { continue }
                let x = leftPad + slot * (Double(i) + 0.5)
                path += (path.isEmpty ? "M" : "L") + "\(f(x)),\(f(y(v, scale))) "
                let tip = HTMLText.escape(l.title(i) ?? "\(SVGChart.periodLabel(labels[i])) · \(l.name)")
                points += "<circle cx=\"\(f(x))\" cy=\"\(f(y(v, scale)))\" r=\"3.2\" fill=\"\(l.color)\"><title>\(tip)</title></circle>"
            }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(l.color)\" stroke-width=\"2.2\"/>" + points
        }
        // X labels: "Jul 2025" when it fits, else the month with the year under the first month and each January.
        let months = labels.map { SVGChart.monthParts($0) }
        let wide = slot >= 62
        let every = max(1, Int((Double(labels.count) * (wide ? 62 : 30) / plotW).rounded(.up)))
        for (i, label) in labels.enumerated() where i % every == 0 {
            let x = leftPad + slot * (Double(i) + 0.5)
            let ly = top + plotH + 15
            if let (month, year) = months[i] {
                if wide {
                    svg += "<text x=\"\(f(x))\" y=\"\(f(ly))\" class=\"tick\" text-anchor=\"middle\">\(month) \(year)</text>"
                } else {
                    svg += "<text x=\"\(f(x))\" y=\"\(f(ly))\" class=\"tick\" text-anchor=\"middle\">\(month)</text>"
                    if i == 0 || month == "Jan" {
                        svg += "<text x=\"\(f(x))\" y=\"\(f(ly + 13))\" class=\"tick year\" text-anchor=\"middle\">\(year)</text>"
                    }
                }
            } else {
                svg += "<text x=\"\(f(x))\" y=\"\(f(ly))\" class=\"tick\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
            }
        }
        // Legend, wrapped into rows.
        for item in legend.items {
            let ly = height + 6 + item.row * 18
            if item.line {
                svg += "<line x1=\"\(f(item.x))\" x2=\"\(f(item.x + 14))\" y1=\"\(f(ly - 4))\" y2=\"\(f(ly - 4))\" stroke=\"\(item.color)\" stroke-width=\"2.6\"/>"
            } else {
                svg += "<rect x=\"\(f(item.x + 1))\" y=\"\(f(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(item.color)\"/>"
            }
            svg += "<text x=\"\(f(item.x + 19))\" y=\"\(f(ly))\" class=\"legend\">\(HTMLText.escape(item.name))</text>"
        }
        return svg + "</svg>"
    }

    private struct LegendItem {
        var name: String
        var color: String
        var line: Bool
        var x: Double
        var row: Double
    }

    /// Legend entries placed left to right, starting a new row when the next would pass `width`.
    private func legendItems(width: Double) -> (items: [LegendItem], height: Double) {
        var items: [LegendItem] = []
        var x = 4.0, row = 0.0
        for (s, line) in bars.map({ ($0, false) }) + lines.map({ ($0, true) }) {
            let w = 30 + Double(s.name.count) * 6.6
            if x > 4 && x + w > width { x = 4; row += 1 }
            items.append(LegendItem(name: s.name, color: s.color, line: line, x: x, row: row))
            x += w
        }
        return (items, items.isEmpty ? 0 : (row + 1) * 18)
    }

    /// An axis maximum and tick step of 1, 2, 2.5 or 5 times a power of ten, four to six ticks.
    static func niceScale(_ maxValue: Double) -> Scale {
        guard maxValue > 0, maxValue.isFinite else { return Scale(max: 1, step: 0.25) }
        let raw = maxValue / 5
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * power }.first { $0 >= raw } ?? power * 10
        return Scale(max: (maxValue / step - 1e-9).rounded(.up) * step, step: step)
    }

    static func ticks(_ s: Scale) -> [Double] {
        let n = Int((s.max / s.step).rounded())
        return (0...max(n, 1)).map { Double($0) * s.step }
    }

    /// Tick text in the axis's own unit, with thousands separators and as many decimals as the step needs:
    /// an axis in PKR M reads 0, 1,000, 2,000 (millions), never "2k".
    static func tickText(_ v: Double, _ step: Double) -> String {
        var decimals = 0
        var s = step
        while decimals < 4 && abs(s - s.rounded()) > 1e-9 { s *= 10; decimals += 1 }
        var factor: Int64 = 1
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int64((v * Double(factor)).rounded())
        return MinorUnitsText.format(scaled, decimals: decimals)
    }

    /// "2025-07" → ("Jul", "2025"); nil for any other text.
    static func monthParts(_ label: String) -> (String, String)? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y > 0
        else { return nil }
        return (monthNames[m - 1], String(parts[0]))
    }

    /// "2025-07" → "Jul 2025"; other text unchanged.
    static func periodLabel(_ label: String) -> String {
        monthParts(label).map { "\($0.0) \($0.1)" } ?? label
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func f(_ v: Double) -> String { SVGChart.number(v) }

    /// A coordinate with at most one decimal.
    static func number(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int64(r)) : String(r)
    }
}

/// Grouped decimal text of an integer carrying `decimals` implied decimals (ticks and chart titles).
enum MinorUnitsText {
    static func format(_ v: Int64, decimals: Int) -> String {
        ReportFormat.text(.int(v), .fixed(scale: decimals), grouped: true)
    }
}

/// HTML text escaping.
enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
