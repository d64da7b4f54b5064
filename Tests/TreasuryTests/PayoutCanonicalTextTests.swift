import Bitcoin
import Foundation
import TestSupport
import Testing
@testable import Treasury

/// `PayoutRow.derive` writes a payout's canonical text byte by byte on the reading thread (the fast path);
/// `PayoutRow.canonicalText` builds it from plain values (the reference `verify ledger` recomputes from a stored
/// row). On random payouts, with and without a vout, their content hashes agree.
struct PayoutCanonicalTextTests {
    static let addresses = [
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    ]

    @Test func fastAndReferenceTextsHashAlike() throws {
        var random = SeededRandom(seed: 20261206)
        for i in 0..<500 {
            let seconds = Int64.random(in: 1_600_000_000...1_900_000_000, using: &random)
            let offset = [0, 5 * 3600, -4 * 3600 - 1800].randomElement(using: &random)!
            let stamp = Date(timeIntervalSince1970: TimeInterval(seconds))
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: offset)
            let paidAt = try ISOTimestamp.parse(formatter.string(from: stamp))
            let txid = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined()
            let vout: UInt32? = Bool.random(using: &random) ? UInt32.random(in: 0...4_000_000_000, using: &random) : nil
            var row = PayoutRow(line: i + 2, paidAt: paidAt, pool: ["luxor", "f2pool", "a-1"].randomElement(using: &random)!,
                                site: ["Sui", "Tarbela", "X9"].randomElement(using: &random)!,
                                amount: Int64.random(in: 1...2_100_000_000_000_000, using: &random),
                                fee: Int64.random(in: 0...10_000_000, using: &random),
                                address: Self.addresses.randomElement(using: &random)!, txid: txid, vout: vout,
                                payoutID: vout == nil ? "p\(i)" : nil,
                                columns: ("paid_at", "amount_btc", "address", "fee_btc", "pool", "site"))
            row.derive(network: .main, zone: TimeZone(identifier: "Asia/Karachi")!)
            #expect(row.derived.addressError == nil)
            let text = PayoutRow.canonicalText(paidAt: paidAt.description, pool: row.pool, site: row.site, amount: row.amount,
                                               fee: row.fee, script: row.derived.script, txid: txid, vout: vout.map { Int64($0) })
            #expect(ImportSession.fingerprint("payout", text) == row.derived.fingerprint, "\(text)")
        }
    }
}
