import Testing
@testable import Treasury

/// The stored content hash of a record: its kind, then the first 16 bytes of SHA-256 in lower-case hex. Ledgers
/// already hold these values, so the form must never change (expected digests are FIPS 180-2's "abc" and the
/// empty message).
struct ImportFingerprintTests {
    @Test func knownDigests() {
        #expect(ImportSession.fingerprint("payout", "abc") == "payout:ba7816bf8f01cfea414140de5dae2223")
        #expect(ImportSession.fingerprint("tx", "") == "tx:e3b0c44298fc1c149afbf4c8996fb924")
    }

    @Test func nonASCIIContentIsHashedAsUTF8() {
        // SHA-256 of the UTF-8 bytes c3 a9 of "é", computed independently.
        #expect(ImportSession.fingerprint("power", "\u{e9}") == "power:4a99557e4033c3539de2eb65472017ca")
    }
}
