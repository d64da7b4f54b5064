import ArgumentParser
import Bitcoin

/// `reserve verify ecdsa FILE`: batch ECDSA checks (SEC key, 32-byte digest or message, strict DER).
struct VerifyECDSA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecdsa",
        abstract: "Verify a CSV of ECDSA signatures (pubkey,digest,signature in hex). Exit 1 if any row fails.",
        discussion: """
            The CSV has a header row naming the columns pubkey,digest,signature (any
            order), all hex: pubkey a SEC key (33 or 65 bytes), digest 32 bytes,
            signature strict DER (BIP-66) without a sighash byte. With --hash sha256
            the second column is `message`, hashed once with SHA-256. High-S
            signatures are refused as non-standard unless --allow-high-s, which
            normalises them first.

            Examples:
              reserve verify ecdsa signatures.csv
              reserve verify ecdsa messages.csv --hash sha256 --format csv
              reserve verify ecdsa - --allow-high-s < signatures.csv
            """
    )

    enum HashFunction: String, ExpressibleByArgument, CaseIterable { case sha256 }

    @Argument(help: "CSV file (\"-\" for stdin).") var file: String
    @Option(help: "Hash the `message` column with this function to get the digest (sha256).") var hash: HashFunction?
    @Flag(help: "Accept high-S signatures by normalising them.") var allowHighS = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let second = hash == nil ? "digest" : "message"
        let rows = try VerifyBatchInput.load(file, columns: ["pubkey", second, "signature"])
        let hashed = hash != nil
        let allowHighS = self.allowHighS
        let results = VerdictOutput.verify(rows) { row -> VerificationResult in
            guard let key = Hex.decode(row["pubkey"]) else { return .invalidPublicKey("pubkey is not hex") }
            guard let data = Hex.decode(row[second]) else { return .malformedMessage("\(second) is not hex") }
            guard let sig = Hex.decode(row["signature"]) else { return .malformedSignature("signature is not hex") }
            let digest = hashed ? Hashes.sha256(data) : data
            return ECDSA.check(publicKey: key, digest: digest, derSignature: sig, allowHighS: allowHighS).result
        }
        try BatchVerdicts.finish("verify ecdsa", rows: rows, results: results, output: output)
    }
}

/// The common ending of the hex batch commands: records, summary, exit status.
enum BatchVerdicts {
    static func finish(_ command: String, rows: [VerifyBatchRow], results: [VerificationResult], output: OutputOptions) throws {
        let records = zip(rows, results).map { VerdictOutput.record(line: $0.line, $1) }
        let valid = results.count { $0.isValid }
        let summary = OutputRecord([("rows_count", .int(Int64(rows.count))), ("valid_count", .int(Int64(valid))),
                                    ("invalid_count", .int(Int64(rows.count - valid)))])
        VerdictOutput.emit(command, records, output, summary: summary)
        if valid != rows.count { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
