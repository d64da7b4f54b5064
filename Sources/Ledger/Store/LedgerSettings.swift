import Foundation

/// A commodity: a code (`BTC`, `PKR`) and the number of decimals of its minor unit.
public struct Commodity: Hashable, Sendable {
    public let code: String
    public let scale: Int

    public init(_ code: String, scale: Int) throws {
        let valid = (2...24).contains(code.count) && code.first.map { $0 >= "A" && $0 <= "Z" } == true
            && code.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
        guard valid else { throw LedgerError.invalidCommodityCode(code) }
        guard (0...MinorUnits.maxScale).contains(scale) else { throw LedgerError.money(.invalidScale(scale)) }
        self.code = code
        self.scale = scale
    }
}

/// A ledger's fixed settings, chosen at creation and stored in the `setting` table.
public struct LedgerSettings: Sendable, Equatable {
    /// The currency every posting is valued in.
    public var functionalCurrency: String
    /// An IANA time zone: a timestamp's accounting date is its date there.
    public var timeZone: String
    /// Month (1...12) the fiscal year starts in.
    public var fiscalYearStart: Int
    /// Booking needs a price on the date or at most this many days before.
    public var maxPriceAgeDays: Int
    /// Other modules' settings (e.g. the Bitcoin network), stored as strings.
    public var extra: [String: String]

    public init(functionalCurrency: String = "PKR", timeZone: String = "UTC", fiscalYearStart: Int = 1,
                maxPriceAgeDays: Int = 3, extra: [String: String] = [:]) {
        self.functionalCurrency = functionalCurrency
        self.timeZone = timeZone
        self.fiscalYearStart = fiscalYearStart
        self.maxPriceAgeDays = maxPriceAgeDays
        self.extra = extra
    }

    static let reservedKeys = ["functional_currency", "time_zone", "fiscal_year_start", "max_price_age_days", "schema_version"]

    func validate() throws {
        guard TimeZone(identifier: timeZone) != nil else {
            throw LedgerError.invalidSetting(key: "time_zone", value: timeZone, reason: "not an IANA time zone")
        }
        guard (1...12).contains(fiscalYearStart) else {
            throw LedgerError.invalidSetting(key: "fiscal_year_start", value: String(fiscalYearStart), reason: "a month 1...12")
        }
        guard (0...366).contains(maxPriceAgeDays) else {
            throw LedgerError.invalidSetting(key: "max_price_age_days", value: String(maxPriceAgeDays), reason: "0...366 days")
        }
        for key in extra.keys where LedgerSettings.reservedKeys.contains(key) || key.isEmpty {
            throw LedgerError.invalidSetting(key: key, value: extra[key] ?? "", reason: "reserved or empty key")
        }
    }

    /// The ledger time zone (validated at creation).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    /// The accounting date of `instant`: its date in the ledger's time zone.
    public func accountingDate(of instant: Date) -> LedgerDate {
        LedgerDate.accountingDate(of: instant, in: zone)
    }
}
