/// TEST-ONLY: the demo programme's figures, plausible for FY2025-26 (July 2025 to June 2026).
///
/// Three sites on surplus power with S21-class miners (17-18 J/TH), network hashrate rising from 0.9 to 1.1 ZH/s,
/// subsidy 3.125 BTC per block plus 1-3% fees; BTC about $107k-$123k in July-October 2025, $85k-$95k from late 2025;
/// USD/PKR about 281-284; tariffs PKR 18.50-23.50/kWh with a marginal (fuel) part of PKR 8.20-13.60/kWh.
enum DemoScenario {
    struct Site {
        var id: String
        var kw: Int64
        /// Installed hashrate, TH/s.
        var ths: Int64
        /// Tariff and its marginal part, paisa per kWh.
        var tariff: Int64
        var marginal: Int64
        /// Share of the month the miners ran (percent), July first: surplus power is seasonal.
        var uptime: [Int64]
        var invoicePrefix: String
    }

    static let sites: [Site] = [
        // Hydro in the north: monsoon and snow-melt surplus in summer, little water in winter.
        Site(id: "Tarbela", kw: 5_000, ths: 285_714, tariff: 1_850, marginal: 820,
             uptime: [99, 99, 97, 90, 72, 56, 50, 52, 62, 76, 88, 97], invoicePrefix: "TRB"),
        // Coal plant with idle capacity paid for either way (capacity payments): steady.
        Site(id: "Sahiwal", kw: 8_000, ths: 470_588, tariff: 2_350, marginal: 1_360,
             uptime: [93, 92, 94, 95, 93, 90, 88, 89, 92, 94, 91, 90], invoicePrefix: "SHW"),
        // Gas field site burning otherwise flared or curtailed gas.
        Site(id: "Sui", kw: 6_000, ths: 333_333, tariff: 2_100, marginal: 1_140,
             uptime: [95, 94, 96, 95, 93, 91, 90, 92, 94, 95, 94, 93], invoicePrefix: "SUI"),
    ]

    static let firstDay = DemoCalendar.day(2025, 7, 1)
    static let lastDay = DemoCalendar.day(2026, 6, 30)

    /// BTC in USD cents on the first of each month, July 2025 first, and on 2026-06-30.
    static let btcUSDAnchors: [Int64] = [10_700_000, 11_650_000, 11_320_000, 11_850_000, 10_100_000, 9_050_000,
                                         8_850_000, 9_150_000, 8_600_000, 8_450_000, 8_900_000, 9_200_000, 9_450_000]
    /// USD in paisa on 2025-07-01 and 2026-06-30.
    static let usdPKR: (Int64, Int64) = (28_160, 28_390)

    /// Network hashrate in TH/s on day `i` of the year: 0.9 ZH/s rising to 1.1 ZH/s.
    static func networkTHs(_ i: Int) -> Int64 { 900_000_000 + 200_000_000 * Int64(i) / 364 }

    /// Index of the month (0 = July 2025) of a day.
    static func monthIndex(_ day: Int) -> Int {
        let c = DemoCalendar.civil(day)
        return (c.year - 2025) * 12 + c.month - 7
    }

    /// Keyholders of the cold wallet's three cosigner keys, in descriptor order (throwaway demo names).
    static let coldKeyholders = ["Finance Ministry", "State Bank", "Auditor General"]

    static let challenge = "Reserve audit FY2025-26, snapshot 2026-06-30, nonce 7f3a9c"
    static let programme = "Pakistan Strategic Bitcoin Reserve (demo)"
    static let snapshotAsOf = "2026-06-30T23:30:00+05:00"
    static let snapshotHeight: Int64 = 956_180
    /// Block height at the start of 2025-07-01 (about 144 blocks a day after it).
    static func height(_ day: Int) -> Int64 { 903_460 + Int64(day - firstDay) * 144 }
}
