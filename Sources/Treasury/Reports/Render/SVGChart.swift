/// Inline SVG charts for the HTML report: bars (grouped or stacked) with optional lines, axes, ticks and a legend.
/// Geometry is in pixels (Double); the values plotted are converted from exact integers only for drawing.
struct SVGChart {
    struct Series {
        var name: String
        var color: String
        var values: [Double?]

        func at(_ i: Int) -> Double? { values.indices.contains(i) ? values[i] : nil }
    }

    var labels: [String]
    var bars: [Series] = []
    var stacked = false
    var lines: [Series] = []
    /// Lines on a second axis at the right (otherwise they share the left axis with the bars).
    var linesOnRightAxis = false
    var leftAxis: String
    var rightAxis: String = ""
    var width = 560.0
    var height = 260.0

    private let left = 64.0, right = 64.0, top = 30.0, bottom = 46.0

    func render() -> String {
        let plotW = width - left - (linesOnRightAxis ? right : 16), plotH = height - top - bottom
        let n = max(labels.count, 1)
        let slot = plotW / Double(n)
        var barMax = 0.0
        for i in 0..<labels.count {
            if stacked {
                barMax = max(barMax, bars.reduce(0) { $0 + max($1.at(i) ?? 0, 0) })
            } else {
                for b in bars { barMax = max(barMax, b.at(i) ?? 0) }
            }
        }
        let lineMax = lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let leftScale = SVGChart.niceScale(linesOnRightAxis ? barMax : max(barMax, lineMax))
        let rightScale = SVGChart.niceScale(lineMax)
        func y(_ v: Double, _ scale: (max: Double, step: Double)) -> Double { top + plotH - v / scale.max * plotH }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height + 22))\" "
            + "width=\"\(f(width))\" height=\"\(f(height + 22))\" role=\"img\">"
        // Grid and left ticks.
        var t = 0.0
        while t <= leftScale.max + leftScale.step / 2 {
            let yy = y(t, leftScale)
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(yy))\" y2=\"\(f(yy))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" class=\"tick\" text-anchor=\"end\">\(SVGChart.compact(t))</text>"
            t += leftScale.step
        }
        if linesOnRightAxis {
            var r = 0.0
            while r <= rightScale.max + rightScale.step / 2 {
                svg += "<text x=\"\(f(left + plotW + 6))\" y=\"\(f(y(r, rightScale) + 4))\" class=\"tick\">\(SVGChart.compact(r))</text>"
                r += rightScale.step
            }
            svg += "<text x=\"\(f(width - 4))\" y=\"\(f(top - 14))\" class=\"axis\" text-anchor=\"end\">\(HTMLText.escape(rightAxis))</text>"
        }
        svg += "<text x=\"4\" y=\"\(f(top - 14))\" class=\"axis\">\(HTMLText.escape(leftAxis))</text>"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" class=\"axisline\"/>"
        // Bars.
        let groupW = slot * 0.72
        for i in 0..<labels.count {
            let x0 = left + slot * Double(i) + (slot - groupW) / 2
            var base = 0.0
            for (k, b) in bars.enumerated() {
                guard let v = b.at(i), v > 0 else { continue }
                if stacked {
                    let y1 = y(base + v, leftScale), y0 = y(base, leftScale)
                    svg += "<rect x=\"\(f(x0))\" y=\"\(f(y1))\" width=\"\(f(groupW))\" height=\"\(f(y0 - y1))\" fill=\"\(b.color)\"/>"
                    base += v
                } else {
                    let w = groupW / Double(bars.count)
                    let yy = y(v, leftScale)
                    svg += "<rect x=\"\(f(x0 + w * Double(k)))\" y=\"\(f(yy))\" width=\"\(f(w - 1))\" height=\"\(f(top + plotH - yy))\" fill=\"\(b.color)\"/>"
                }
            }
        }
        // Lines with points.
        for l in lines {
            let scale = linesOnRightAxis ? rightScale : leftScale
            var path = ""
            for i in 0..<labels.count {
                guard let v = l.at(i) else { continue }
                let x = left + slot * (Double(i) + 0.5)
                path += (path.isEmpty ? "M" : "L") + "\(f(x)),\(f(y(v, scale))) "
                svg += "<circle cx=\"\(f(x))\" cy=\"\(f(y(v, scale)))\" r=\"2.6\" fill=\"\(l.color)\"/>"
            }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(l.color)\" stroke-width=\"2.2\"/>"
        }
        // X labels (thinned when crowded).
        let every = max(1, Int((Double(labels.count) * 44 / plotW).rounded(.up)))
        for (i, label) in labels.enumerated() where i % every == 0 {
            let x = left + slot * (Double(i) + 0.5)
            svg += "<text x=\"\(f(x))\" y=\"\(f(top + plotH + 16))\" class=\"tick\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        // Legend.
        var lx = left
        let ly = height + 8
        for s in bars {
            svg += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 9))\" width=\"11\" height=\"11\" fill=\"\(s.color)\"/>"
            svg += "<text x=\"\(f(lx + 15))\" y=\"\(f(ly))\" class=\"legend\">\(HTMLText.escape(s.name))</text>"
            lx += 22 + Double(s.name.count) * 6.4
        }
        for s in lines {
            svg += "<line x1=\"\(f(lx))\" x2=\"\(f(lx + 14))\" y1=\"\(f(ly - 4))\" y2=\"\(f(ly - 4))\" stroke=\"\(s.color)\" stroke-width=\"2.6\"/>"
            svg += "<text x=\"\(f(lx + 18))\" y=\"\(f(ly))\" class=\"legend\">\(HTMLText.escape(s.name))</text>"
            lx += 26 + Double(s.name.count) * 6.4
        }
        return svg + "</svg>"
    }

    /// An axis maximum and tick step of 1, 2 or 5 times a power of ten, about five ticks.
    static func niceScale(_ maxValue: Double) -> (max: Double, step: Double) {
        guard maxValue > 0 else { return (1, 0.25) }
        let raw = maxValue / 5
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * power }.first { $0 >= raw } ?? power * 10
        return ((maxValue / step).rounded(.up) * step, step)
    }

    /// Short tick text: 1.5k, 2.3M, 4B; small values with up to 3 decimals.
    static func compact(_ v: Double) -> String {
        let a = abs(v)
        func trim(_ x: Double, _ suffix: String) -> String {
            let r = (x * 10).rounded() / 10
            let s = r == r.rounded() ? String(Int64(r)) : String(r)
            return s + suffix
        }
        if a >= 1e9 { return trim(v / 1e9, "B") }
        if a >= 1e6 { return trim(v / 1e6, "M") }
        if a >= 1e3 { return trim(v / 1e3, "k") }
        if a == 0 || a >= 1 { return trim(v, "") }
        let r = (v * 1000).rounded() / 1000
        return String(r)
    }

    private func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int64(r)) : String(r)
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
