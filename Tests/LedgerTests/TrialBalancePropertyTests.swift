import Foundation
import TestSupport
import Testing
@testable import Ledger

/// Random balanced transactions (seeded) keep the trial balance at zero in every commodity and in value.
@Suite struct TrialBalancePropertyTests {
    typealias F = LedgerFixtures


    static let accounts = ["Assets:Reserve:Cold", "Assets:Reserve:Hot", "Assets:Bank:PKR", "Income:Mining:Site-A",
                           "Expenses:Electricity:Site-A", "Liabilities:Payable:Power:Site-A", "Equity:Opening"]

    @Test(arguments: [1, 2, 3] as [UInt64]) func trialBalanceStaysZero(seed: UInt64) throws {
        let ledger = try F.memory()
        var random = SeededRandom(seed: seed)
        try ledger.write { w in
            for account in Self.accounts { try w.openAccount(account, on: F.date("2026-02-01")) }
            for d in 1...28 {
                let price = 2_000_000_000 + random.int(0...999_999_999)
                try w.addPrice(date: F.date(String(format: "2026-02-%02d", d)), base: "BTC", quote: "PKR", price: price)
                try w.addPrice(date: F.date(String(format: "2026-02-%02d", d)), base: "USD", quote: "PKR", price: 27_000 + random.int(0...2_000))
            }
            var booked: [Int64] = []
            for _ in 0..<150 {
                let date = F.date(String(format: "2026-02-%02d", random.int(1...28)))
                var postings: [PostingDraft] = []
                for commodity in ["BTC", "PKR", "USD"] where random.int(0...1) == 1 || postings.isEmpty && commodity == "USD" {
                    let legs = Int(random.int(2...4))
                    var sum: Int64 = 0
                    for leg in 0..<legs {
                        let account = Self.accounts[Int(random.int(0...Int64(Self.accounts.count - 1)))]
                        let amount = leg == legs - 1 ? -sum : random.int(-5_000_000_000...5_000_000_000)
                        sum += amount
                        postings.append(PostingDraft(account, commodity, amount))
                    }
                }
                // One non-functional leg takes the value residue.
                if let i = postings.firstIndex(where: { $0.commodity != "PKR" }) { postings[i].value = .balancing }
                booked.append(try w.book(TransactionDraft(date: date, narration: "random", postings: postings)))
                if random.int(0...9) == 0, let victim = booked.randomElement(using: &random), (try? w.reverse(victim, reason: "random")) != nil {
                    booked.removeAll { $0 == victim }
                }
            }
        }
        let rows = try ledger.balances()
        var amounts: [String: Int64] = [:]
        var value: Int64 = 0
        for r in rows { amounts[r.commodity, default: 0] += r.amount; value += r.value }
        #expect(amounts.values.allSatisfy { $0 == 0 })
        #expect(value == 0)
        for grouping in PeriodGrouping.allCases {
            let byPeriod = try ledger.balances(BalanceQuery(grouping: grouping))
            #expect(byPeriod.reduce(0) { $0 + $1.value } == 0)
        }
        #expect(try ledger.verify().isValid)
    }
}

