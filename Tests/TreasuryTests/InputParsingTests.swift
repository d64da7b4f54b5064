import Foundation
import Testing
@testable import Treasury
import Ledger

@Suite struct InputParsingTests {
    @Test func datesAreExact() throws {
        #expect(try ISOTimestamp.date("2000-03-01").dayNumber == 11_017)
        #expect(try ISOTimestamp.date("2024-02-29").description == "2024-02-29")
        #expect(ISOTimestamp.day(containing: -1).description == "1969-12-31")
        #expect(ISOTimestamp.day(containing: 86_400 * 11_017).description == "2000-03-01")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-00-10", "+026-01-01"])
    func badDatesAreRejected(text: String) {
        #expect(throws: FieldError.self) { try ISOTimestamp.date(text) }
    }

    @Test func timestampsNeedAnOffset() throws {
        #expect(try ISOTimestamp.parse("2026-03-01T00:12:05Z").epochSeconds == 1_772_323_925)
        #expect(try ISOTimestamp.parse("2026-03-01T05:12:05+05:00").epochSeconds == 1_772_323_925)
        #expect(try ISOTimestamp.parse("2026-03-01T00:12:05.999Z").epochSeconds == 1_772_323_925)
        #expect(try ISOTimestamp.parse("2026-02-28T19:12:05-05:00").description == "2026-03-01T00:12:05Z")
        #expect(throws: FieldError("timestamp \"2026-03-01T00:12:05\" has no offset (add Z or ±hh:mm)")) {
            try ISOTimestamp.parse("2026-03-01T00:12:05")
        }
        for bad in ["2026-03-01T24:00:00Z", "2026-03-01 00:12:05Z", "2026-03-01T00:12Z", "2026-03-01T00:12:05+0500",
                    "2026-03-01T00:12:05z", "2026-03-01T00:12:05.Z", "2026-03-01T00:12:60Z"] {
            #expect(throws: FieldError.self, "\(bad)") { try ISOTimestamp.parse(bad) }
        }
    }

    /// The messages of bad timestamps name the problem and the text as written.
    @Test func timestampErrorsSayWhy() {
        func message(_ text: String) -> String? {
            do { _ = try ISOTimestamp.parse(text); return nil } catch { return error.message }
        }
        #expect(message("2026-03-01T00:12:05") == "timestamp \"2026-03-01T00:12:05\" has no offset (add Z or ±hh:mm)")
        #expect(message("2026-03-01T00:12:05.5") == "timestamp \"2026-03-01T00:12:05.5\" has no offset (add Z or ±hh:mm)")
        #expect(message("2026-03-01T24:00:00Z") == "no such time in \"2026-03-01T24:00:00Z\"")
        #expect(message("2026-03-01T00:00:00+19:00") == "offset out of range in \"2026-03-01T00:00:00+19:00\"")
        #expect(message("2026-02-30T00:00:00Z") == "no such date \"2026-02-30\"")
        #expect(message("2026-02-30") == "no such date \"2026-02-30\"")
        #expect(message("2026-0a-01T00:00:00Z") == "invalid date \"2026-0a-01\" (expected YYYY-MM-DD)")
        #expect(message("2026-03-01 00:00:00Z")
            == "invalid timestamp \"2026-03-01 00:00:00Z\" (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or ±hh:mm)")
        #expect(message("") == "invalid timestamp \"\" (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with Z or ±hh:mm)")
        #expect(ISOTimestamp.parse(utf8: UnsafeBufferPointer(start: nil, count: 0)) == nil)
        #expect(Array("2026-03-01".utf8).withUnsafeBufferPointer { ISOTimestamp.date(utf8: $0) }?.description == "2026-03-01")
        #expect(Array("2026-03-01T00:12:05Z".utf8).withUnsafeBufferPointer { ISOTimestamp.date(utf8: $0) } == nil)
    }

    /// The canonical text (content hashes depend on it) is the date, or the instant in UTC to the second.
    @Test func canonicalText() throws {
        #expect(try ISOTimestamp.parse("2026-03-01T05:02:03.75+05:00").description == "2026-03-01T00:02:03Z")
        #expect(try ISOTimestamp.parse("1969-12-31T23:59:59Z").description == "1969-12-31T23:59:59Z")
        #expect(try ISOTimestamp.parse("2026-03-01").description == "2026-03-01")
        var text = CanonicalText()
        text.append("t="); text.append(try ISOTimestamp.parse("2026-03-01T00:12:05Z"))
        text.append(";n="); text.append(Int64(-120)); text.append(";z="); text.append(Int64(0))
        text.append(";m="); text.append(Int64.min); text.append(";s="); text.append(contentsOf: "\u{e9}")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "t=2026-03-01T00:12:05Z;n=-120;z=0;m=\(Int64.min);s=\u{e9}")
    }

    @Test func accountingDateFollowsTheLedgerTimeZone() throws {
        let karachi = try #require(TimeZone(identifier: "Asia/Karachi"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let t = try ISOTimestamp.parse("2026-06-30T20:00:00Z")   // 01:00 on July 1st in Karachi
        #expect(t.accountingDate(in: karachi).description == "2026-07-01")
        #expect(t.accountingDate(in: utc).description == "2026-06-30")
        #expect(try ISOTimestamp.parse("2026-06-30").accountingDate(in: karachi).description == "2026-06-30")
        #expect(ISOTimestamp.unix(-1).accountingDate(in: utc).description == "1969-12-31")
    }

    /// The pre-pass skips the time zone for instants that cannot fall before the earliest date found: that must
    /// hold in the zones furthest from UTC either way.
    @Test func instantsNeverBeforeADate() throws {
        let zones = try ["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Karachi", "America/St_Johns", "UTC"].map { try #require(TimeZone(identifier: $0)) }
        let days = try ["2026-02-28", "2026-03-01", "2026-03-02", "0001-01-01"].map { try ISOTimestamp.date($0) }
        for text in ["2026-03-01T00:00:00Z", "2026-03-01T23:59:59Z", "2026-03-02T00:00:00Z", "2026-03-01T11:00:00-12:00", "0001-01-01T00:00:00Z", "2026-03-01"] {
            let t = try ISOTimestamp.parse(text)
            for day in days where t.isNeverBefore(day) {
                for zone in zones { #expect(t.accountingDate(in: zone) >= day, "\(text) in \(zone.identifier) vs \(day)") }
            }
        }
        #expect(try ISOTimestamp.parse("2026-03-02T00:00:00Z").isNeverBefore(ISOTimestamp.date("2026-03-01")))
        #expect(try !ISOTimestamp.parse("2026-03-01T23:59:59Z").isNeverBefore(ISOTimestamp.date("2026-03-01")))
        #expect(try ISOTimestamp.parse("2026-03-01").isNeverBefore(ISOTimestamp.date("2026-03-01")))
    }

    @Test func identifiers() throws {
        #expect(try Identifiers.pool("f2pool-eu") == "f2pool-eu")
        #expect(throws: FieldError.self) { try Identifiers.pool("2pool") }
        #expect(throws: FieldError.self) { try Identifiers.pool("F2Pool") }
        #expect(throws: FieldError.self) { try Identifiers.pool("-x") }
        #expect(throws: FieldError.self) { try Identifiers.pool("") }
        #expect(try Identifiers.site("Guddu-2") == "Guddu-2")
        #expect(throws: FieldError.self) { try Identifiers.site("guddu 2") }
        #expect(Identifiers.accountComponent("guddu-2") == "Guddu-2")
        let txid = String(repeating: "aB", count: 32)
        #expect(try Identifiers.txid(txid) == String(repeating: "ab", count: 32))
        #expect(throws: FieldError("txid must be 64 hex digits, got 63 characters")) { try Identifiers.txid(String(txid.dropLast())) }
        #expect(throws: FieldError("txid has a non-hex character 'g'")) { try Identifiers.txid("g" + txid.dropFirst()) }
        #expect(try Identifiers.vout("4294967295") == 4_294_967_295)
        #expect(throws: FieldError.self) { try Identifiers.vout("4294967296") }
        #expect(throws: FieldError.self) { try Identifiers.vout("-1") }
        #expect(throws: FieldError.self) { try Identifiers.vout("+1") }
    }
}

@Suite struct JSONReaderTests {
    private func parse(_ s: String) throws(InputError) -> JSONNode { try JSONReader.parse(Array(s.utf8), file: "x.json") }

    @Test func keepsNumbersAsWritten() throws {
        let root = try parse("{\"a\": [0.123456789, -0, 1e3, 12.50],\n \"b\": {\"c\": \"d\\u00e9\\ud83d\\ude00\"}}")
        guard case .array(let items) = root["a"]?.value else { Issue.record("not an array"); return }
        #expect(items.map(\.value) == [.number("0.123456789"), .number("-0"), .number("1e3"), .number("12.50")])
        #expect(items[1].path == "a[1]")
        #expect(root["b"]?["c"]?.value == .string("dé😀"))
        #expect(root["b"]?["c"]?.line == 2)
        #expect(root["b"]?["c"]?.path == "b.c")
    }

    @Test func rejectsMalformedDocuments() {
        let cases: [(String, String)] = [
            ("{\"a\": [1, 2", "x.json:1: a: unexpected end of input (truncated JSON?)"),
            ("{\"a\": 1,}", "x.json:1: $: expected a quoted member name"),
            ("{\"a\": 1, \"a\": 2}", "x.json:1: $: duplicate member \"a\""),
            ("[01]", "x.json:1: $[0]: invalid number: leading zero"),
            ("[1.]", "x.json:1: $[0]: invalid number: digits expected after '.'"),
            ("{}\n{}", "x.json:2: unexpected data after the JSON document"),
            ("", "x.json:1: empty input: a JSON document is expected"),
            ("[\"a\nb\"]", "x.json:1: $[0]: control character in a string (escape it)"),
            ("[tru]", "x.json:1: $[0]: invalid literal (expected true)"),
        ]
        for (text, message) in cases {
            do { _ = try parse(text); Issue.record("accepted \(text)") } catch { #expect(error.description == message) }
        }
    }
}

@Suite struct JSONNumberTests {
    @Test func exactConversion() throws {
        #expect(try JSONNumber.minorUnits("0.00012345", scale: 8) == 12_345)
        #expect(try JSONNumber.minorUnits("1e-05", scale: 8) == 1_000)
        #expect(try JSONNumber.minorUnits("2.15e17", scale: 0) == 215_000_000_000_000_000)
        #expect(try JSONNumber.minorUnits("-0.024", scale: 8) == -2_400_000)
        #expect(try JSONNumber.minorUnits("0.123456780", scale: 8) == 12_345_678)
        #expect(try JSONNumber.minorUnits("21000000", scale: 8) == 2_100_000_000_000_000)
        #expect(try JSONNumber.minorUnits("0", scale: 8) == 0)
    }

    @Test func inexactOrHugeIsAnError() {
        #expect(throws: FieldError("0.123456789 has more than 8 decimals")) { try JSONNumber.minorUnits("0.123456789", scale: 8) }
        #expect(throws: FieldError("1e-9 has more than 8 decimals")) { try JSONNumber.minorUnits("1e-9", scale: 8) }
        #expect(throws: FieldError("92233720368.54775808 is too large")) { try JSONNumber.minorUnits("92233720368.54775808", scale: 8) }
        #expect(throws: FieldError.self) { try JSONNumber.minorUnits("1e999999999", scale: 8) }
    }
}
