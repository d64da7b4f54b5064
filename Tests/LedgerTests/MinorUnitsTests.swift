import Testing
@testable import Ledger

@Suite struct MinorUnitsTests {
    @Test(arguments: [
        ("0.00012345", 8, Int64(12345)),
        ("21000000", 8, Int64(2_100_000_000_000_000)),
        ("1", 8, Int64(100_000_000)),
        ("0.1", 8, Int64(10_000_000)),
        ("0", 2, Int64(0)),
        ("0.00", 2, Int64(0)),
        ("28500000.00", 2, Int64(2_850_000_000)),
        ("007.5", 2, Int64(750)),
        ("92233720368547758.07", 2, Int64.max),
        ("42", 0, Int64(42)),
    ])
    func parsesExactly(text: String, scale: Int, expected: Int64) throws {
        #expect(try MinorUnits.parse(text, scale: scale) == expected)
    }

    @Test func parsesSignedWhenAllowed() throws {
        #expect(try MinorUnits.parse("-1.50", scale: 2, allowSign: true) == -150)
        #expect(try MinorUnits.parse("+1.50", scale: 2, allowSign: true) == 150)
        #expect(try MinorUnits.parse("-92233720368547758.08", scale: 2, allowSign: true) == Int64.min)
    }

    @Test func refusesEachKindOfBadInput() {
        #expect(throws: MoneyError.empty) { try MinorUnits.parse("", scale: 8) }
        #expect(throws: MoneyError.empty) { try MinorUnits.parse("-", scale: 8, allowSign: true) }
        #expect(throws: MoneyError.tooManyDecimals(found: 9, scale: 8, text: "0.000000001")) {
            try MinorUnits.parse("0.000000001", scale: 8)
        }
        #expect(throws: MoneyError.tooManyDecimals(found: 1, scale: 0, text: "5.0")) { try MinorUnits.parse("5.0", scale: 0) }
        #expect(throws: MoneyError.exponent(text: "1e-8")) { try MinorUnits.parse("1e-8", scale: 8) }
        #expect(throws: MoneyError.exponent(text: "1E3")) { try MinorUnits.parse("1E3", scale: 8) }
        #expect(throws: MoneyError.thousandsSeparator(offset: 1, text: "1,234.50")) { try MinorUnits.parse("1,234.50", scale: 2) }
        #expect(throws: MoneyError.thousandsSeparator(offset: 1, text: "1_000")) { try MinorUnits.parse("1_000", scale: 2) }
        #expect(throws: MoneyError.thousandsSeparator(offset: 1, text: "1 000")) { try MinorUnits.parse("1 000", scale: 2) }
        #expect(throws: MoneyError.signNotAllowed(text: "-1")) { try MinorUnits.parse("-1", scale: 2) }
        #expect(throws: MoneyError.signNotAllowed(text: "+1")) { try MinorUnits.parse("+1", scale: 2) }
        #expect(throws: MoneyError.missingDigits(text: ".5")) { try MinorUnits.parse(".5", scale: 2) }
        #expect(throws: MoneyError.missingDigits(text: "5.")) { try MinorUnits.parse("5.", scale: 2) }
        #expect(throws: MoneyError.overflow(text: "92233720368547758.08")) { try MinorUnits.parse("92233720368547758.08", scale: 2) }
        #expect(throws: MoneyError.overflow(text: "100000000000")) { try MinorUnits.parse("100000000000", scale: 8) }
        #expect(throws: MoneyError.overflow(text: "99999999999999999999999")) { try MinorUnits.parse("99999999999999999999999", scale: 0) }
        #expect(throws: MoneyError.invalidCharacter("a", offset: 2, text: "12abc")) { try MinorUnits.parse("12abc", scale: 2) }
        #expect(throws: MoneyError.invalidCharacter(".", offset: 3, text: "1.2.3")) { try MinorUnits.parse("1.2.3", scale: 2) }
        #expect(throws: MoneyError.invalidCharacter(" ", offset: 0, text: " 1")) { try MinorUnits.parse(" 1", scale: 2) }
        #expect(throws: MoneyError.invalidCharacter("-", offset: 1, text: "1-2")) { try MinorUnits.parse("1-2", scale: 2, allowSign: true) }
        #expect(throws: MoneyError.invalidCharacter("٣", offset: 0, text: "٣")) { try MinorUnits.parse("٣", scale: 2) }
        #expect(throws: MoneyError.invalidScale(19)) { try MinorUnits.parse("1", scale: 19) }
    }

    @Test func formatsBack() {
        #expect(MinorUnits.format(12345, scale: 8) == "0.00012345")
        #expect(MinorUnits.format(-12345, scale: 8) == "-0.00012345")
        #expect(MinorUnits.format(0, scale: 2) == "0.00")
        #expect(MinorUnits.format(2_850_000_000, scale: 2) == "28500000.00")
        #expect(MinorUnits.format(2_850_000_000, scale: 2, grouping: ",") == "28,500,000.00")
        #expect(MinorUnits.format(-100_000, scale: 2, grouping: ",") == "-1,000.00")
        #expect(MinorUnits.format(99_999, scale: 2, grouping: ",") == "999.99")
        #expect(MinorUnits.format(Int64.min, scale: 2) == "-92233720368547758.08")
        #expect(MinorUnits.format(42, scale: 0) == "42")
    }

    @Test func roundTrips() throws {
        for value: Int64 in [0, 1, 99, 100, 12_345_678_901, Int64.max, -5] {
            let text = MinorUnits.format(value, scale: 8)
            #expect(try MinorUnits.parse(text, scale: 8, allowSign: true) == value)
        }
    }
}
