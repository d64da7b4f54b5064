import Bitcoin
import Foundation
import Treasury

/// One data row of a batch verification file: its physical line and its fields by column name.
struct VerifyBatchRow: Sendable {
    let line: Int
    let fields: [String: String]

    subscript(column: String) -> String { fields[column] ?? "" }
}

/// Reading batch files for `verify attestations|ecdsa|schnorr` with Treasury's RFC 4180 reader: a header
/// naming exactly the expected columns (any order). Structural problems are exit 65 naming file:line; an
/// unreadable file is exit 74.
enum VerifyBatchInput {
    static func load(_ path: String, columns: [String]) throws -> [VerifyBatchRow] {
        if path != "-", !FileManager.default.isReadableFile(atPath: path) {
            throw CommandFailure(.ioError, "\(path): cannot read file")
        }
        do {
            let reader = try CSVReader(path: path, schema: CSVSchema(required: columns))
            var rows: [VerifyBatchRow] = []
            while let record = try reader.next() {
                var fields: [String: String] = [:]
                for column in columns { fields[column] = record[column] ?? "" }
                rows.append(VerifyBatchRow(line: record.line, fields: fields))
            }
            return rows
        } catch let error where error.isReadFailure {
            throw CommandFailure(.ioError, error.message)
        } catch {
            throw CommandFailure(.dataError, error.description)
        }
    }
}

/// Verdict output shared by the verify commands: one record per row in input order, the summary as the
/// last JSON object or on stderr.
enum VerdictOutput {
    /// The DESIGN.md verdict fields for `result` at `line`, after any leading fields.
    static func record(line: Int, leading: [(String, FieldValue)] = [], _ result: VerificationResult) -> OutputRecord {
        OutputRecord([("line", .int(Int64(line)))] + leading + [
            ("valid", .bool(result.isValid)),
            ("status", .string(result.status.rawValue)),
            ("reason", .string(result.reason)),
        ])
    }

    /// Prints the verdicts as a command document (`rows`, the summary as headline fields under JSON, on stderr
    /// otherwise).
    static func emit(_ command: String, _ records: [OutputRecord], _ output: OutputOptions, parameters: [(String, FieldValue)] = [],
                     summary: OutputRecord) {
        CommandDocument(command: command, parameters: parameters, fields: summary.fields, rows: records)
            .print(output.format, layout: output.layout)
        if output.format != .json {
            Console.error(summary.fields.map { "\($0.0)=\($0.1.text)" }.joined(separator: " "))
        }
    }

    /// Runs `check` over `rows` on every core, in blocks so that a terminal sees progress.
    static func verify<R: Sendable>(_ rows: [VerifyBatchRow], _ check: @escaping @Sendable (VerifyBatchRow) -> R) -> [R] {
        let showProgress = Console.stderrIsTerminal && rows.count >= 20_000
        guard showProgress else { return BatchVerifier.map(rows, check) }
        var results: [R] = []
        results.reserveCapacity(rows.count)
        let block = 10_000
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + block)
            results += BatchVerifier.map(Array(rows[start..<end]), check)
            Console.errorInline("\rverified \(end)/\(rows.count)")
            start = end
        }
        Console.errorInline("\n")
        return results
    }
}

extension Console {
    /// Writes to stderr without a newline (progress lines).
    static func errorInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
