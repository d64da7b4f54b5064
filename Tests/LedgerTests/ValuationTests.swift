import Testing
@testable import Ledger

@Suite struct ValuationTests {
    // Worked by hand: 12345 sats * 2,850,000,000 paisa/BTC = 35,183,250,000,000 / 10^8 = 351,832.5 → even 351,832.
    @Test func roundsHalfToEven() throws {
        #expect(try Valuation.value(amount: 12345, price: 2_850_000_000, amountScale: 8) == 351_832)
        // 1 sat at 150,000,000 paisa: 1.5 → 2 (even); 3 sats: 4.5 → 4; 5 sats: 7.5 → 8.
        #expect(try Valuation.value(amount: 1, price: 150_000_000, amountScale: 8) == 2)
        #expect(try Valuation.value(amount: 3, price: 150_000_000, amountScale: 8) == 4)
        #expect(try Valuation.value(amount: 5, price: 150_000_000, amountScale: 8) == 8)
        // Negative amounts round symmetrically.
        #expect(try Valuation.value(amount: -1, price: 150_000_000, amountScale: 8) == -2)
        #expect(try Valuation.value(amount: -3, price: 150_000_000, amountScale: 8) == -4)
        // Below half rounds down, above half rounds up: 1 sat at 140,000,000 = 1.4 → 1; at 160,000,000 = 1.6 → 2.
        #expect(try Valuation.value(amount: 1, price: 140_000_000, amountScale: 8) == 1)
        #expect(try Valuation.value(amount: 1, price: 160_000_000, amountScale: 8) == 2)
        // Whole units: 1 BTC at 28,500,000.00 PKR.
        #expect(try Valuation.value(amount: 100_000_000, price: 2_850_000_000, amountScale: 8) == 2_850_000_000)
        // USD 12.34 (scale 2) at 278.50 PKR per USD = 3436.69 PKR: 1234 * 27850 / 100 = 343,669.
        #expect(try Valuation.value(amount: 1234, price: 27850, amountScale: 2) == 343_669)
    }

    @Test func productBeyondInt64IsExact() throws {
        // 21M BTC at 1e11 paisa: the product (2.1e26) overflows Int64 but the quotient fits.
        #expect(try Valuation.value(amount: 2_100_000_000_000_000, price: 100_000_000_000, amountScale: 8)
                == 2_100_000_000_000_000_000)
    }

    @Test func overflowIsRefused() {
        #expect(throws: MoneyError.self) {
            try Valuation.value(amount: Int64.max, price: Int64.max, amountScale: 8)
        }
        #expect(throws: MoneyError.arithmeticOverflow(operation: "sum")) { try MoneyMath.add(Int64.max, 1) }
        #expect(throws: MoneyError.self) { try MoneyMath.negate(Int64.min) }
    }
}
