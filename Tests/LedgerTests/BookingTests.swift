import Foundation
import Testing
@testable import Ledger

@Suite struct BookingTests {
    typealias F = LedgerFixtures

    @Test func valuesAtPriceAndBalancingLegTakesResidue() throws {
        let ledger = try F.withPrices()
        // 9,990 sats to the reserve and 10 sats of pool fee, 10,000 sats of income, at 28,500,000.00 PKR/BTC.
        // 9990 * 2850000000 / 1e8 = 284,715 exactly; 10 * 2850000000 / 1e8 = 285 exactly; make it odd instead:
        // 12,345 sats = 351,832.5 → 351,832 (half to even); 1 sat = 28.5 → 28 (even). Income takes −351,860.
        let id = try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "payout", postings: [
            PostingDraft("Assets:Reserve:Cold", "BTC", 12_345),
            PostingDraft("Expenses:PoolFees:Pool-A", "BTC", 1),
            PostingDraft("Income:Mining:Site-A", "BTC", -12_346, value: .balancing),
        ]))
        let t = try ledger.transaction(id)
        #expect(t.postings.map(\.value) == [351_832, 28, -351_860])
        // Valued on its own, the income leg would be 12346 * 28.5 = 351,861 paisa: the residue of 1 sits on it.
        #expect(try Valuation.value(amount: 12_346, price: 2_850_000_000, amountScale: 8) == 351_861)
        #expect(t.postings.map(\.amount) == [12_345, 1, -12_346])
    }

    /// Postings go in by multi-row inserts of at most `postingsPerInsert` rows: a transaction with more than two
    /// inserts' worth keeps every posting, in order, and the ledger verifies.
    @Test func manyPostingsInOneTransaction() throws {
        let ledger = try F.withPrices()
        let count = 2 * LedgerWriter.postingsPerInsert + 5
        var postings = (1...count - 1).map { PostingDraft("Assets:Reserve:Cold", "BTC", Int64($0)) }
        postings.append(PostingDraft("Income:Mining:Site-A", "BTC", -Int64(count * (count - 1) / 2), value: .balancing))
        let id = try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "many", postings: postings))
        let t = try ledger.transaction(id)
        #expect(t.postings.map(\.amount) == postings.map(\.amount))
        #expect(t.postings.map(\.value).reduce(0, +) == 0)
        #expect(try ledger.verify().isValid)
    }

    @Test func refusesUnbalancedAmountsAndValues() throws {
        let ledger = try F.withPrices()
        #expect(throws: LedgerError.unbalanced(commodity: "BTC", residue: 1)) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 101),
                PostingDraft("Income:Mining:Site-A", "BTC", -100, value: .balancing),
            ]))
        }
        #expect(throws: LedgerError.unbalancedValue(residue: 5)) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
                PostingDraft("Assets:Bank:PKR", "PKR", 100, value: .explicit(105)),
                PostingDraft("Equity:Opening", "PKR", -100),
            ]))
        }
        #expect(throws: LedgerError.tooFewPostings(count: 1)) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
                PostingDraft("Assets:Bank:PKR", "PKR", 0),
            ]))
        }
        #expect(throws: LedgerError.moreThanOneBalancingLeg) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 1, value: .balancing),
                PostingDraft("Income:Mining:Site-A", "BTC", -1, value: .balancing),
            ]))
        }
        #expect(try ledger.verify().transactions == 0)
    }

    @Test func priceRules() throws {
        let ledger = try F.withPrices()
        #expect(throws: LedgerError.noPrice(base: "BTC", quote: "PKR", date: F.date("2026-02-28"))) {
            try ledger.book(F.mined(100, on: "2026-02-28"))
        }
        // 3 days after 2026-03-01 is allowed; 4 is not.
        try ledger.book(F.mined(100, on: "2026-03-04"))
        #expect(throws: LedgerError.priceTooOld(base: "BTC", quote: "PKR", date: F.date("2026-03-05"),
                                                latest: F.date("2026-03-01"), maxAgeDays: 3)) {
            try ledger.book(F.mined(100, on: "2026-03-05"))
        }
        #expect(try ledger.price(base: "BTC", quote: "PKR", onOrBefore: F.date("2026-03-30"))?.price == 2_850_000_000)
        #expect(try ledger.price(base: "BTC", quote: "PKR", onOrBefore: F.date("2026-03-31"))?.price == 3_000_000_000)
        #expect(try ledger.price(base: "BTC", quote: "PKR", onOrBefore: F.date("2026-02-01")) == nil)
        #expect(throws: LedgerError.duplicatePrice(base: "BTC", quote: "PKR", date: F.date("2026-03-01"))) {
            try ledger.write { try $0.addPrice(date: F.date("2026-03-01"), base: "BTC", quote: "PKR", price: 1) }
        }
        #expect(throws: LedgerError.invalidPrice(0)) {
            try ledger.write { try $0.addPrice(date: F.date("2026-03-09"), base: "BTC", quote: "PKR", price: 0) }
        }
    }

    @Test func overflowIsRefused() throws {
        let ledger = try F.memory()
        #expect(throws: LedgerError.money(.arithmeticOverflow(operation: "sum of PKR postings"))) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
                PostingDraft("Assets:Bank:PKR", "PKR", Int64.max),
                PostingDraft("Assets:Bank:Second", "PKR", 1),
                PostingDraft("Equity:Opening", "PKR", Int64.min),
            ]))
        }
        // Two bookings each fine, whose balance would overflow: the database's sum refuses it.
        try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "x", postings: [
            PostingDraft("Assets:Bank:PKR", "PKR", Int64.max), PostingDraft("Equity:Opening", "PKR", -Int64.max),
        ]))
        #expect(throws: LedgerError.self) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "y", postings: [
                PostingDraft("Assets:Bank:PKR", "PKR", Int64.max), PostingDraft("Equity:Opening", "PKR", -Int64.max),
            ]))
        }
        #expect(try ledger.verify().isValid)
    }

    @Test func accountsOpenCloseAndNames() throws {
        let ledger = try F.withPrices()
        #expect(throws: LedgerError.invalidAccountName("Assets", reason: "needs a root and at least one component (Assets:Bank)")) {
            try ledger.write { try $0.openAccount("Assets", on: F.date("2026-03-01")) }
        }
        #expect(throws: LedgerError.self) { try ledger.write { try $0.openAccount("Assets:bank", on: F.date("2026-03-01")) } }
        #expect(throws: LedgerError.self) { try ledger.write { try $0.openAccount("Revenue:X", on: F.date("2026-03-01")) } }
        #expect(throws: LedgerError.self) { try ledger.write { try $0.openAccount("Assets:A_B", on: F.date("2026-03-01")) } }
        try ledger.write { try $0.openAccount("Assets:Reserve:Cold", on: F.date("2026-03-02")) }
        #expect(throws: LedgerError.accountNotOpen(account: "Assets:Reserve:Cold", date: F.date("2026-03-01"),
                                                   opened: F.date("2026-03-02"))) {
            try ledger.book(F.mined(5, on: "2026-03-01"))
        }
        try ledger.book(F.mined(5, on: "2026-03-02"))
        #expect(throws: LedgerError.accountNotEmpty(account: "Assets:Reserve:Cold", commodity: "BTC", amount: 5)) {
            try ledger.write { try $0.closeAccount("Assets:Reserve:Cold", on: F.date("2026-03-03")) }
        }
        try ledger.write { w in
            try w.openAccount("Assets:Reserve:Old", on: F.date("2026-03-01"))
            try w.closeAccount("Assets:Reserve:Old", on: F.date("2026-03-03"))
        }
        #expect(throws: LedgerError.accountAlreadyClosed(account: "Assets:Reserve:Old", closed: F.date("2026-03-03"))) {
            try ledger.write { try $0.closeAccount("Assets:Reserve:Old", on: F.date("2026-03-04")) }
        }
        #expect(throws: LedgerError.accountClosed(account: "Assets:Reserve:Old", date: F.date("2026-03-04"),
                                                  closed: F.date("2026-03-03"))) {
            try ledger.book(TransactionDraft(date: F.date("2026-03-04"), narration: "move", postings: [
                PostingDraft("Assets:Reserve:Old", "BTC", 5), PostingDraft("Assets:Reserve:Cold", "BTC", -5, value: .balancing),
            ]))
        }
        #expect(try ledger.accounts().map(\.name) == ["Assets:Reserve:Cold", "Assets:Reserve:Old", "Income:Mining:Site-A"])
        #expect(try ledger.verify().isValid)
    }

    @Test func naturalKeysAreUniqueUntilReversed() throws {
        let ledger = try F.withPrices()
        let first = try ledger.book(F.mined(1000, on: "2026-03-02", key: "tx:0"))
        #expect(throws: LedgerError.duplicateNaturalKey("tx:0", bookedAs: first)) {
            try ledger.book(F.mined(1000, on: "2026-03-02", key: "tx:0"))
        }
        let reversal = try ledger.write { try $0.reverse(first, reason: "wrong site") }
        #expect(throws: LedgerError.alreadyReversed(first, by: reversal)) {
            try ledger.write { try $0.reverse(first, reason: "again") }
        }
        #expect(throws: LedgerError.reversalOfReversal(reversal)) {
            try ledger.write { try $0.reverse(reversal, reason: "again") }
        }
        let again = try ledger.book(F.mined(1000, on: "2026-03-02", key: "tx:0"))
        #expect(try ledger.write { try $0.bookedTransactionID(naturalKey: "tx:0") } == again)
        #expect(try ledger.write { w in
            [try w.bookedTransactionID(naturalKey: "tx:1"), try w.bookedTransactionID(naturalKey: "tx:0")]
        } == [nil, again])
        #expect(try ledger.verify().isValid)
    }

    @Test func reversalRestoresEveryBalance() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(5_000, on: "2026-03-02"))
        let before = try ledger.balances()
        let id = try ledger.book(TransactionDraft(date: F.date("2026-03-03"), narration: "fee", postings: [
            PostingDraft("Expenses:NetworkFees", "BTC", 333),
            PostingDraft("Assets:Reserve:Cold", "BTC", -333, value: .balancing),
            PostingDraft("Assets:Bank:PKR", "PKR", -1_000),
            PostingDraft("Expenses:Electricity:Site-A", "PKR", 1_000),
        ]))
        #expect(try ledger.balances() != before)
        try ledger.write { try $0.reverse(id, reason: "booked twice") }
        #expect(try ledger.balances() == before)
        let t = try ledger.transaction(id + 1)
        #expect(t.reverses == id && t.narration == "Reversal of \(id): booked twice")
    }

    @Test func bookManyIsAllOrNothing() throws {
        let ledger = try F.withPrices()
        let drafts = [F.mined(1, on: "2026-03-02", key: "a"), F.mined(2, on: "2026-03-02", key: "b"),
                      F.mined(3, on: "2026-02-01", key: "c")]
        let next = try F.nextID(ledger)
        #expect(throws: LedgerError.self) { try ledger.book(drafts) }
        #expect(try ledger.balances().isEmpty)
        #expect(try ledger.accounts().isEmpty)
        // Nothing of the refused write is left: no account documents, no ids taken.
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document WHERE kind = 'account'") } == 0)
        #expect(try F.nextID(ledger) == next)
        let ids = try ledger.book(Array(drafts.prefix(2)))
        // The two accounts are opened (and chained) first, then the bookings follow.
        #expect(ids == [next + 2, next + 3])
        #expect(try ids == [F.transactionID(ledger, key: "a"), F.transactionID(ledger, key: "b")])
    }

    @Test func assertionsCheckedAndRecorded() throws {
        let ledger = try F.withPrices()
        try ledger.book(F.mined(700, on: "2026-03-02"))
        try ledger.book(F.mined(300, on: "2026-03-03"))
        #expect(throws: LedgerError.assertionFailed(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-02"),
                                                    expected: 1000, actual: 700)) {
            try ledger.write { try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-02"), amount: 1000) }
        }
        #expect(throws: LedgerError.unknownAccount("Assets:Reserve")) {
            try ledger.write { try $0.assertBalance(account: "Assets:Reserve", commodity: "BTC", date: F.date("2026-03-02"), amount: 700) }
        }
        try ledger.write { try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-03"), amount: 1000) }
        let report = try ledger.verify()
        #expect(report.isValid && report.assertions == 1 && report.transactions == 2 && report.prices == 2)
    }
}

@Suite struct AssertionGuardTests {
    typealias F = LedgerFixtures

    @Test func bookingCannotBreakARecordedAssertion() throws {
        let ledger = try F.withPrices()
        let id = try ledger.book(F.mined(700, on: "2026-03-02"))
        let assertion = try ledger.write {
            try $0.assertBalance(account: "Assets:Reserve:Cold", commodity: "BTC", date: F.date("2026-03-03"), amount: 700)
        }
        let breaks = LedgerError.breaksAssertion(id: assertion, account: "Assets:Reserve:Cold", commodity: "BTC",
                                                 date: F.date("2026-03-03"))
        #expect(throws: breaks) { try ledger.book(F.mined(1, on: "2026-03-03")) }
        #expect(throws: breaks) { try ledger.write { try $0.reverse(id, reason: "x") } }
        try ledger.book(F.mined(1, on: "2026-03-04"))
        try ledger.write { try $0.reverse(id, reason: "x", date: F.date("2026-03-04")) }
        #expect(try ledger.verify().isValid)
    }

    /// A pool payout with a fee: three postings, escaped text, read back and verified.
    @Test func threePostingPayoutWithFee() throws {
        let ledger = try F.withPrices()
        let id = try ledger.book(TransactionDraft(date: F.date("2026-03-02"), narration: "payout | fee\nline 2", postings: [
            PostingDraft("Assets:Reserve:Cold", "BTC", 99_000),
            PostingDraft("Expenses:Pool:Fees", "BTC", 1_000),
            PostingDraft("Income:Mining:Site-A", "BTC", -100_000, value: .balancing),
        ], source: "pool\\x", naturalKey: "pool:1"))
        let t = try ledger.write { try $0.transaction(id) }
        #expect(t.postings.map(\.amount) == [99_000, 1_000, -100_000])
        #expect(t.postings.map(\.value).reduce(0, +) == 0)
        #expect(try ledger.verify().isValid)
    }

    /// Canonical integers are plain decimal, as `String(_:)` writes them, at the extremes too.
    @Test func canonicalIntegersMatchDecimalText() {
        for v: Int64 in [0, 1, -1, 9, 10, -10, 1_234_567_890, Int64.max, Int64.min, Int64.min + 1] {
            var w = CanonicalForm.Writer(tag: UInt8(ascii: "T"))
            w.int(v)
            #expect(w.bytes == Array("T|\(v)".utf8))
        }
    }

    /// The word-at-a-time escape test finds each escaped byte at every position and length, and nothing else.
    @Test func canonicalTextEscapesAtEveryPosition() {
        let escapes: [(UInt8, String)] = [(0x5C, "\\\\"), (0x7C, "\\|"), (0x0A, "\\n"), (0x0D, "\\r")]
        for length in 0...19 {
            let plain = String(repeating: "a", count: length)
            var w = CanonicalForm.Writer(tag: UInt8(ascii: "T"))
            w.text(plain)
            #expect(w.bytes == Array("T|\(plain)".utf8))
            for position in 0..<length {
                for (byte, escaped) in escapes {
                    var bytes = Array(plain.utf8)
                    bytes[position] = byte
                    var e = CanonicalForm.Writer(tag: UInt8(ascii: "T"))
                    e.text(String(decoding: bytes, as: UTF8.self))
                    let expected = "T|" + String(repeating: "a", count: position) + escaped + String(repeating: "a", count: length - position - 1)
                    #expect(e.bytes == Array(expected.utf8))
                }
            }
        }
        // Bytes next to the escaped ones (and multi-byte UTF-8) pass unchanged.
        var w = CanonicalForm.Writer(tag: UInt8(ascii: "T"))
        w.text("\u{0B}\u{0C}\u{0E}[]{}}~ ₨ünï")
        #expect(w.bytes == Array("T|\u{0B}\u{0C}\u{0E}[]{}}~ ₨ünï".utf8))
    }
}
