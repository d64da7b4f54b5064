import ArgumentParser
import Foundation
import Ledger
import Treasury

/// `--format`: table for people, csv with a header, json one document, jsonl one object per record.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, csv, json, jsonl
}

/// One field value of an output record.
public enum FieldValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null

    var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    var int: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    var json: String {
        switch self {
        case .string(let s): return JSONText.quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// An output record: named fields in a fixed order (the order of table and CSV columns).
public struct OutputRecord: Sendable {
    public var fields: [(String, FieldValue)]
    public init(_ fields: [(String, FieldValue)]) { self.fields = fields }

    public var jsonObject: String { "{" + JSONMembers.of(fields) + "}" }

    subscript(name: String) -> FieldValue? { fields.first { $0.0 == name }?.1 }
}

enum JSONMembers {
    static func of(_ fields: [(String, FieldValue)]) -> String {
        fields.map { JSONText.quote($0.0) + ":" + $0.1.json }.joined(separator: ",")
    }
}

/// What a command prints (docs/json.md, JSON version 2): its name, its parameters, headline fields, and, for
/// commands that list things, rows and an optional total row.
///
/// - json: one object: `json_version`, `command`, the parameters, the headline fields, `rows`, `total`.
/// - jsonl: one object per row with `json_version` and `command` (a command without rows prints its one object).
/// - csv: one rectangular table: the rows (or the headline fields as one row).
/// - table: the rows as aligned columns (or the headline fields as `label: value` lines).
public struct CommandDocument: Sendable {
    public var command: String
    public var parameters: [(String, FieldValue)]
    public var fields: [(String, FieldValue)]
    public var rows: [OutputRecord]?
    public var total: OutputRecord?
    /// Field order for tables and CSV (default: the first row's).
    public var columns: [String]?

    public init(command: String, parameters: [(String, FieldValue)] = [], fields: [(String, FieldValue)] = [],
                rows: [OutputRecord]? = nil, total: OutputRecord? = nil, columns: [String]? = nil) {
        self.command = command
        self.parameters = parameters
        self.fields = fields
        self.rows = rows
        self.total = total
        self.columns = columns
    }

    var envelope: [(String, FieldValue)] {
        [("json_version", .int(ReportDataRenderer.jsonVersion)), ("command", .string(command))]
    }

    public func render(_ format: OutputFormat, layout: TextLayout = TextLayout()) -> String {
        switch format {
        case .json:
            var members = [JSONMembers.of(envelope + parameters + fields)]
            if let rows {
                members.append("\"rows\":[" + rows.map(\.jsonObject).joined(separator: ",\n") + "]")
            }
            if let total { members.append("\"total\":" + total.jsonObject) }
            return "{" + members.filter { !$0.isEmpty }.joined(separator: ",\n") + "}\n"
        case .jsonl:
            guard let rows else { return OutputRecord(envelope + parameters + fields).jsonObject + "\n" }
            return jsonLines(rows)
        case .csv:
            let records = rows ?? [OutputRecord(fields)]
            let names = columns ?? records.first?.fields.map(\.0) ?? fields.map(\.0)
            var out = names.map(CSVText.quote).joined(separator: ",") + "\n"
            for r in records {
                out += names.map { CSVText.quote(r[$0]?.text ?? "") }.joined(separator: ",") + "\n"
            }
            return out
        case .table:
            guard let rows else { return TerminalTable.pairs(fields, layout: layout) }
            let names = columns ?? rows.first?.fields.map(\.0) ?? []
            return TerminalTable.render(names: names, rows: rows, total: total, layout: layout)
        }
    }

    /// JSON Lines of `rows` alone (descriptor derive streams them in chunks).
    public func jsonLines(_ rows: [OutputRecord]) -> String {
        rows.map { OutputRecord(envelope + $0.fields).jsonObject + "\n" }.joined()
    }

    /// Prints in `format` on stdout.
    public func print(_ format: OutputFormat, layout: TextLayout = Terminal.layout()) {
        let text = render(format, layout: layout)
        if !text.isEmpty { FileHandle.standardOutput.write(Data(text.utf8)) }
    }
}

/// The `label: value` lines of a record (amounts shown in their text form only).
enum TerminalTable {
    static func pairs(_ fields: [(String, FieldValue)], layout: TextLayout) -> String {
        let shown = fields.filter { !hidesRaw($0.0, among: fields.map(\.0)) && $0.1 != .string("") }
        let labels = shown.map { label($0.0) }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, shown).map { l, f in
            let value = display(f.0, f.1)
            let text = failure(f.0, f.1) ? layout.red(value) : value
            return l + ":" + String(repeating: " ", count: width - l.count + 1) + text
        }.joined(separator: "\n") + (shown.isEmpty ? "" : "\n")
    }

    /// Aligned columns with human labels: numbers right-aligned with thousands separators, raw integers of amounts
    /// hidden beside their text, columns that do not fit the layout's width left out (with a note).
    static func render(names: [String], rows: [OutputRecord], total: OutputRecord?, layout: TextLayout) -> String {
        let names = names.filter { !hidesRaw($0, among: names) }
        guard !names.isEmpty else { return "" }
        let all = rows + (total.map { [$0] } ?? [])
        let cells = all.map { r in names.map { display($0, r[$0] ?? .null) } }
        let numeric = names.map { n in all.allSatisfy { r in isNumber(n, r[n] ?? .null) } && !all.isEmpty }
        let labels = names.map(label)
        var widths = labels.map(\.count)
        for row in cells { for (i, t) in row.enumerated() { widths[i] = max(widths[i], t.count) } }
        let priorities = names.enumerated().map { $0.offset < 2 ? 0 : 1 }
        let shown = layout.pick(names: names.enumerated().map { [$0.element, labels[$0.offset]] }, priorities: priorities,
                                widths: widths)
        func line(_ texts: [String], _ record: OutputRecord?) -> String {
            let failed = record.map { r in r.fields.contains { failure($0.0, $0.1) } } ?? false
            let l = shown.map { i in
                let fill = String(repeating: " ", count: max(0, widths[i] - texts[i].count))
                return numeric[i] ? fill + texts[i] : texts[i] + fill
            }.joined(separator: "  ").trimmingTrailingSpaces()
            return (failed ? layout.red(l) : l) + "\n"
        }
        let rule = shown.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ") + "\n"
        var out = line(labels, nil) + rule
        for (i, r) in rows.enumerated() { out += line(cells[i], r) }
        if let total { out += rule + line(cells[rows.count], total) }
        let hidden = names.count - shown.count
        if hidden > 0 && layout.columns == nil {
            out += "(\(hidden) more column\(hidden == 1 ? "" : "s"): --wide shows all, --columns NAME,… picks)\n"
        }
        return out
    }

    /// `btc_sats` is hidden in tables when `btc` (its text) is there too.
    static func hidesRaw(_ name: String, among names: [String]) -> Bool {
        guard let base = JSONNames.base(of: name), base != name else { return false }
        return names.contains(base)
    }

    static func label(_ name: String) -> String {
        if let fixed = labels[name] { return fixed }
        var words = name.split(separator: "_").map(String.init)
        if words.count > 1, ["count", "id", "sats", "minor"].contains(words.last!) && words.last != "id" { words.removeLast() }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static let labels: [String: String] = [
        "script_pubkey": "scriptPubKey", "head_id": "Head id", "batch_id": "Batch", "json_version": "JSON version",
    ]

    static func display(_ name: String, _ value: FieldValue) -> String {
        switch value {
        case .int(let i) where name != "line" && name != "index" && !name.hasSuffix("_id"):
            return MinorUnits.format(i, scale: 0, grouping: ",")
        case .string(let s) where JSONNames.isAmountText(s):
            return groupedAmount(s)
        default: return value.text
        }
    }

    static func isNumber(_ name: String, _ value: FieldValue) -> Bool {
        switch value {
        case .int: return true
        case .null: return true
        case .string(let s): return JSONNames.isAmountText(s)
        default: return false
        }
    }

    /// "-1234567.89" → "-1,234,567.89".
    static func groupedAmount(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        guard let whole = parts.first, let n = Int64(whole) else { return s }
        let grouped = MinorUnits.format(n, scale: 0, grouping: ",")
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A failure: `valid: false` or a status naming one.
    static func failure(_ name: String, _ value: FieldValue) -> Bool {
        switch (name, value) {
        case ("valid", .bool(false)): return true
        case ("status", .string(let s)): return ["invalid", "not_valid", "conflicting", "rejected"].contains(s)
        default: return false
        }
    }
}

/// The field-name rule of docs/json.md.
public enum JSONNames {
    /// Unit suffixes of integer fields; the text of the same quantity is the name without it.
    public static let unitSuffixes = ["_sats", "_minor", "_count", "_wh"]

    /// The name without its unit suffix (nil when it has none).
    public static func base(of name: String) -> String? {
        for s in unitSuffixes where name.hasSuffix(s) && name.count > s.count { return String(name.dropLast(s.count)) }
        return nil
    }

    /// Whether `s` is the text of an amount: digits with an optional sign and decimals.
    static func isAmountText(_ s: String) -> Bool {
        var body = Substring(s)
        if body.hasPrefix("-") { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        var dots = 0
        for c in body {
            if c == "." { dots += 1; continue }
            guard c.isASCII, c.isNumber else { return false }
        }
        return dots <= 1 && !body.hasSuffix(".")
    }
}

/// The terminal: its width (`COLUMNS`, else the tty's), whether colour is on (a terminal, no `NO_COLOR`).
public enum Terminal {
    public static var width: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Colour on stdout: only on a terminal and without `NO_COLOR`.
    public static var colour: Bool { isatty(1) == 1 && noColor == false }

    /// Colour on stderr (error lines).
    public static var colourOnStderr: Bool { isatty(2) == 1 && noColor == false }

    static var noColor: Bool { !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    /// The layout for tables: the terminal's width unless `wide`, the columns asked for.
    public static func layout(wide: Bool = false, columns: String? = nil) -> TextLayout {
        let picked = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        return TextLayout(width: wide ? nil : width, columns: picked, colour: colour)
    }
}

/// `--format`, `--wide`, `--columns`: how a command's records are printed.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Flag(help: "Tables: every column, whatever the terminal's width.")
    var wide = false

    @Option(help: "Tables: only these columns (comma-separated field names or labels).")
    var columns: String?

    var layout: TextLayout { Terminal.layout(wide: wide, columns: columns) }
}

/// Legacy entry point kept for the simple record lists: renders through `CommandDocument`.
public enum RecordRenderer {
    public static func render(_ records: [OutputRecord], as format: OutputFormat, command: String,
                              columns: [String]? = nil) -> String {
        CommandDocument(command: command, rows: records, columns: columns).render(format, layout: Terminal.layout())
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
