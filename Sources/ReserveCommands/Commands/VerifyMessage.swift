import ArgumentParser
import Bitcoin

/// `reserve verify message`: one signed message, BIP-137 or BIP-322 simple (detected).
struct VerifyMessage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Verify a signed message (BIP-137 or BIP-322 simple, detected). Exit 0 valid, 1 not.",
        discussion: """
            P2PKH addresses use BIP-137 (`signmessage`) signatures; segwit addresses
            accept BIP-137 signatures whose header names the address type, or
            BIP-322 simple signatures (base64 witness, with or without the `smp`
            prefix) for P2WPKH, P2TR key path and P2WSH multisig. --electrum also
            accepts Electrum's untyped compressed header (31–34) for P2SH-P2WPKH and
            P2WPKH addresses.

            Examples:
              reserve verify message --address 15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs \\
                --message 'Trust no one' --signature "$SIGNATURE"
              reserve verify message --electrum \\
                --address 3DYoBqQ5N6dADzyQjy9FT1Ls4amiYVaqTG \\
                --message Electrum --signature "$SIGNATURE" --format json
            """
    )

    @Option(help: "The address that signed.") var address: String
    @Option(parsing: .unconditional, help: "The message, exactly as signed (may begin with '-'; or --message-file).")
    var message: String?
    @Option(help: "Read the message from this file, exactly as signed (no newline is removed; '-' for stdin).")
    var messageFile: String?
    @Option(help: "The signature (base64).") var signature: String
    @Flag(help: "Accept Electrum's compressed-key header for segwit addresses.") var electrum = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if (message == nil) == (messageFile == nil) {
            throw ValidationError("give --message TEXT or --message-file FILE (one of them)")
        }
    }

    func run() throws {
        let text = try message ?? InputFile.read(messageFile ?? "-")
        let (result, kind) = MessageVerifier.verify(address: address, message: text, signature: signature,
                                                    policy: electrum ? .electrum : .strict)
        let fields = VerdictOutput.record(line: 1, leading: [("address", .string(Echo.value(address))),
                                                             ("format", .string(kind.rawValue))], result).fields
        CommandDocument(command: "verify message", fields: fields.filter { $0.0 != "line" })
            .print(output.format, layout: output.layout)
        if !result.isValid { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
