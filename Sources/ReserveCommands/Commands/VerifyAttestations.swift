import ArgumentParser
import Bitcoin

/// `reserve verify attestations FILE --challenge TEXT`: address ownership proofs in bulk.
struct VerifyAttestations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestations",
        abstract: "Verify a CSV of signed attestations (address,message,signature). Exit 1 if any row fails.",
        discussion: """
            Each signature is BIP-137 or BIP-322 simple (detected). Every message
            must contain the challenge text (replay protection). One verdict per
            row, in input order; the summary (rows_count, valid_count,
            invalid_count, addresses_proven_count) goes to stderr, or into the
            JSON document under --format json.

            Examples:
              reserve verify attestations fixtures/demo/attestations.csv \\
                --challenge 'nonce 7f3a9c'
              reserve verify attestations - --challenge 'nonce 7f3a9c' \\
                --format jsonl < fixtures/demo/attestations.csv
            """
    )

    @Argument(help: "CSV file with columns address,message,signature (\"-\" for stdin).") var file: String
    @Option(help: "Text every signed message must contain.") var challenge: String
    @Flag(help: "Accept Electrum's compressed-key header for segwit addresses.") var electrum = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !challenge.isEmpty else { throw ValidationError("--challenge must not be empty") }
    }

    func run() throws {
        let rows = try VerifyBatchInput.load(file, columns: ["address", "message", "signature"])
        let policy: MessageHeaderPolicy = electrum ? .electrum : .strict
        let challenge = self.challenge
        let verdicts = VerdictOutput.verify(rows) { row -> (VerificationResult, MessageSignatureFormat) in
            let checked = MessageVerifier.verify(address: row["address"], message: row["message"],
                                                 signature: row["signature"], policy: policy)
            guard checked.result.isValid, !row["message"].contains(challenge) else { return checked }
            return (.notSigned("message does not contain the challenge (replay protection)"), checked.format)
        }
        var records: [OutputRecord] = []
        var proven = Set<String>()
        var valid = 0
        for (row, (result, kind)) in zip(rows, verdicts) {
            records.append(VerdictOutput.record(line: row.line, leading: [("address", .string(Echo.value(row["address"]))),
                                                                          ("format", .string(kind.rawValue))], result))
            if result.isValid {
                valid += 1
                proven.insert(row["address"])
            }
        }
        let summary = OutputRecord([
            ("rows_count", .int(Int64(rows.count))), ("valid_count", .int(Int64(valid))),
            ("invalid_count", .int(Int64(rows.count - valid))), ("addresses_proven_count", .int(Int64(proven.count))),
        ])
        VerdictOutput.emit("verify attestations", records, output, parameters: [("challenge", .string(challenge))], summary: summary)
        if valid != rows.count { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
