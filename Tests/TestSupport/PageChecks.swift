import Foundation

/// Checks of a report page that must hold on every device: what a phone needs, nothing fetched or run, a text
/// alternative on every chart. Each failed check is one sentence; an empty list means the page passes.
public enum PageChecks {
    public static func problems(_ html: String) -> [String] {
        var found: [String] = []
        if !html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") {
            found.append("no viewport meta tag")
        }
        let lower = html.lowercased()
        for marker in ["<script", "<link", "<iframe", "<img", "<object", "<embed", "@import", "@font-face", "url(", " src=",
                       " href=", "javascript:"] {
            if lower.contains(marker) { found.append("contains \(marker)") }
        }
        // Event handler attributes (onclick=, onload=…) run script too.
        if lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { found.append("an on…= event handler") }
        // Every address must be the SVG namespace, which names and fetches nothing.
        var rest = lower[...]
        while let r = rest.range(of: #"https?://"#, options: .regularExpression) {
            if !rest[r.lowerBound...].hasPrefix("http://www.w3.org/2000/svg\"") { found.append("an external address at …\(rest[r.lowerBound...].prefix(40))") }
            rest = rest[r.upperBound...]
        }
        for tag in tags("svg", in: html) {
            guard let r = tag.range(of: #"aria-label="([^"]+)""#, options: .regularExpression), tag[r].count > 20 else {
                found.append("a chart without a text alternative: \(tag.prefix(80))")
                continue
            }
        }
        return found
    }

    /// The opening tags `<name …>` of a page.
    public static func tags(_ name: String, in html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<\(name) ") ?? rest.range(of: "<\(name)>") {
            guard let end = rest[start.lowerBound...].firstIndex(of: ">") else { break }
            result.append(rest[start.lowerBound...end])
            rest = rest[rest.index(after: end)...]
        }
        return result
    }

    /// How many times `needle` occurs in `html`.
    public static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }
}
