import ArgumentParser
import Foundation
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

    public var jsonObject: String {
        "{" + fields.map { JSONText.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
    }
}

/// Renders records in any `OutputFormat`. Table and CSV use the first record's field names as columns.
public enum RecordRenderer {
    /// The whole output as one string (ends with a newline unless empty). `summary`, when given, is
    /// appended as the last object with `"summary": true` under json; other formats leave it to the caller.
    public static func render(_ records: [OutputRecord], as format: OutputFormat, columns: [String]? = nil,
                              summary: OutputRecord? = nil) -> String {
        let names = columns ?? records.first?.fields.map(\.0) ?? []
        switch format {
        case .jsonl:
            return records.map { $0.jsonObject + "\n" }.joined()
        case .json:
            var objects = records.map(\.jsonObject)
            if let summary {
                objects.append(OutputRecord([("summary", .bool(true))] + summary.fields).jsonObject)
            }
            return "[" + objects.joined(separator: ",\n") + "]\n"
        case .csv:
            var out = names.map(CSVText.quote).joined(separator: ",") + "\n"
            for r in records {
                out += r.fields.map { CSVText.quote($0.1.text) }.joined(separator: ",") + "\n"
            }
            return out
        case .table:
            return table(names: names, rows: records.map { $0.fields.map(\.1) })
        }
    }

    /// Aligned columns; integers right-aligned, text left-aligned.
    public static func table(names: [String], rows: [[FieldValue]]) -> String {
        guard !names.isEmpty else { return "" }
        var widths = names.map(\.count)
        for row in rows {
            for (i, v) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], v.text.count) }
        }
        func pad(_ s: String, _ w: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return right ? fill + s : s + fill
        }
        var lines = [names.enumerated().map { pad($0.1, widths[$0.0], right: false) }.joined(separator: "  ").trimmingTrailingSpaces()]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows {
            lines.append(row.enumerated().map { i, v in
                if case .int = v { return pad(v.text, widths[i], right: true) }
                return pad(v.text, widths[i], right: false)
            }.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
