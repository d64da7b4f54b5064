import Bitcoin
import Foundation
import Ledger
import Testing
@testable import Treasury

/// Proof of reserves: a bad signature leaves its address unproven; the proven total is compared with the ledger.
@Suite struct ReportReservesTests {
    /// A stand-in verifier: the signature text says whether it is valid.
    static let verify: ReservesReport.Verifier = { _, _, signature in
        signature == "good" ? AttestationVerdict(valid: true, status: "valid", reason: "")
            : AttestationVerdict(valid: false, status: "invalid", reason: "signature does not match")
    }
    static let other = Address(payload: .witness(version: 0, program: [UInt8](repeating: 9, count: 20)))

    func ledger() throws -> ReportTestLedger {
        let l = try ReportReconcileTests().ledger()
        try ReportReconcileTests().snapshot(l, id: 1, asOfDate: "2025-07-02", [
            ("a", 0, ReportReconcileTests.hot, 1_000_000), ("b", 1, ReportReconcileTests.hot, 2_000_000),
            ("c", 0, ReportReconcileTests.cold, 500_000), ("f", 0, ReportReconcileTests.cold, 299_000),
        ])
        return l
    }

    func attest(_ address: Address, _ signature: String, line: Int, message: String = "FY2025-26 audit: we control this")
        -> Attestation {
        Attestation(line: line, address: address.description, message: message, signature: signature)
    }

    @Test func allProven() throws {
        let r = try ReservesReport.compute(try ledger().store, attestations: [
            attest(ReportReconcileTests.hot, "good", line: 2), attest(ReportReconcileTests.cold, "good", line: 3),
        ], challenge: "FY2025-26 audit", verify: Self.verify)
        // Snapshot: hot 3,000,000, cold 799,000; the ledger holds the same 3,799,000 through 07-02.
        #expect(r.provenSats == 3_799_000)
        #expect(r.unprovenSats == 0)
        #expect(r.ledgerSats == 3_799_000)
        #expect(r.covered)
        #expect(r.height == 905000)
    }

    @Test func badSignatureIsUnproven() throws {
        let r = try ReservesReport.compute(try ledger().store, attestations: [
            attest(ReportReconcileTests.hot, "good", line: 2), attest(ReportReconcileTests.cold, "forged", line: 3),
            attest(Self.other, "good", line: 4),
            attest(ReportReconcileTests.hot, "good", line: 5, message: "some other text"),
        ], challenge: "FY2025-26 audit", verify: Self.verify)
        #expect(r.lines.map(\.status) == [.proven, .invalidSignature, .notReserveAddress, .challengeMissing])
        #expect(r.provenSats == 3_000_000)
        #expect(r.unprovenSats == 799_000)
        #expect(!r.covered)
        // The hot address's balance is counted once, on its proven line.
        #expect(r.lines.map(\.sats) == [3_000_000, 799_000, 0, 0])
        let doc = r.document()
        #expect(doc.passed == false)
        #expect(doc.findings.first == "proven 0.03000000 BTC falls short of the ledger's 0.03799000 BTC")
    }

    @Test func fundedAddressWithoutAttestation() throws {
        let r = try ReservesReport.compute(try ledger().store, attestations: [attest(ReportReconcileTests.hot, "good", line: 2)],
                                           challenge: "FY2025-26 audit", verify: Self.verify)
        let missing = try #require(r.lines.last)
        #expect(missing.status == .noAttestation)
        #expect(missing.address == ReportReconcileTests.cold.description)
        #expect(missing.wallet == "cold")
        #expect(missing.sats == 799_000)
        #expect(r.unprovenSats == 799_000)
    }
}
