import ArgumentParser

/// `reserve verify …`
struct VerifyGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify signatures, attestations and the ledger's integrity.",
        subcommands: [
            VerifyLedgerCommand.self,
            VerifyMessage.self,
            VerifyAttestations.self,
            VerifyECDSA.self,
            VerifySchnorr.self,
        ]
    )
}
