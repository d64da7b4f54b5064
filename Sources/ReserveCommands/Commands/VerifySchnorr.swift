import ArgumentParser
import Bitcoin

/// `reserve verify schnorr FILE`: batch BIP-340 checks.
struct VerifySchnorr: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schnorr",
        abstract: "Verify a CSV of BIP-340 signatures (pubkey,message,signature in hex). Exit 1 if any row fails.",
        discussion: """
            The CSV has a header row naming the columns pubkey,message,signature
            (any order): pubkey is a 32-byte x-only key, message any length,
            signature 64 bytes, all in hex. One verdict per row, in input order.

            Examples:
              reserve verify schnorr signatures.csv
              reserve verify schnorr - --format jsonl < signatures.csv
            """
    )

    @Argument(help: "CSV file (\"-\" for stdin).") var file: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let rows = try VerifyBatchInput.load(file, columns: ["pubkey", "message", "signature"])
        let results = VerdictOutput.verify(rows) { row -> VerificationResult in
            guard let key = Hex.decode(row["pubkey"]) else { return .invalidPublicKey("pubkey is not hex") }
            guard let message = Hex.decode(row["message"]) else { return .malformedMessage("message is not hex") }
            guard let sig = Hex.decode(row["signature"]) else { return .malformedSignature("signature is not hex") }
            return Schnorr.check(publicKey: key, message: message, signature: sig).result
        }
        try BatchVerdicts.finish("verify schnorr", rows: rows, results: results, output: output)
    }
}
