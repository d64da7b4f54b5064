/// Reads an attestations CSV (`address, message, signature`; header required; columns in any order).
public enum AttestationFile {
    public static let schema = CSVSchema(required: ["address", "message", "signature"])

    /// Every row, with its physical line; an unreadable file or malformed row throws `InputError` naming file:line.
    public static func read(path: String) throws(InputError) -> [Attestation] {
        let reader = try CSVReader(path: path, schema: schema)
        var result: [Attestation] = []
        while let record = try reader.next() {
            result.append(Attestation(line: record.line, address: record["address"] ?? "", message: record["message"] ?? "",
                                      signature: record["signature"] ?? ""))
        }
        return result
    }
}
