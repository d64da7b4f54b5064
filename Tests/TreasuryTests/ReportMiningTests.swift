import Ledger
import Testing
@testable import Treasury

/// Mining economics on a hand-worked ledger (prices: PKR 30,000,000.00/BTC on 07-01, 31,000,000.00 on 07-02).
@Suite struct ReportMiningTests {
    /// Hydro: 07-01 payout 0.01 BTC + 0.0002 fee; 07-02 payout 0.02 BTC; bill 07-01..07-02, 10,000 kWh,
    /// PKR 200,000.00 of which PKR 80,000.00 marginal; 1,000 TH/s at 18 kW.
    func ledger() throws -> ReportTestLedger {
        let l = try ReportTestLedger()
        try l.payout("2025-07-01", sats: 1_000_000, fee: 20_000)
        try l.payout("2025-07-02", sats: 2_000_000)
        try l.bill(site: "Hydro", start: "2025-07-01", end: "2025-07-02", wh: 10_000_000, amount: 20_000_000,
                   marginal: 8_000_000, invoice: "H-1")
        try SiteSpecs.set(try SiteSpec(site: "hydro", hashrateTHs: 1000, powerKW: 18), in: l.store)
        return l
    }

    @Test func handWorkedMonth() throws {
        let report = try MiningReport.compute(try ledger().store, by: .month)
        #expect(report.lines.count == 1)
        let line = try #require(report.lines.first)
        #expect(line.period == "2025-07")
        #expect(line.site == "Hydro")
        let f = line.figures
        // Mined gross: 1,000,000 + 20,000 + 2,000,000.
        #expect(f.minedSats == 3_020_000)
        // Revenue: 1,020,000 sats at 30,000,000.00 = 30,600,000 paisa; 2,000,000 at 31,000,000.00 = 62,000,000.
        #expect(f.revenue == 92_600_000)
        // Pool fee 20,000 sats at 30,000,000.00 = 600,000 paisa.
        #expect(f.poolFeeSats == 20_000)
        #expect(f.poolFeeValue == 600_000)
        #expect(f.energyWh == 10_000_000)
        #expect(f.cost == 20_000_000)
        #expect(f.marginalCost == 8_000_000)
        // Margin: 92,600,000 - 600,000 - 20,000,000; on marginal cost: - 8,000,000 instead.
        #expect(f.margin == 72_000_000)
        #expect(f.marginOnMarginalCost == 84_000_000)
        // Cost per BTC kept: 20,000,000 * 1e8 / 3,000,000 = 666,666,666.67 -> 666,666,667 (PKR 6,666,666.67).
        #expect(f.costPerBTC == 666_666_667)
        #expect(f.marginalCostPerBTC == 266_666_667)
        // Realised price: 92,600,000 * 1e8 / 3,020,000 = 3,066,225,165.56 -> 3,066,225,166.
        #expect(f.realisedPrice == 3_066_225_166)
        // Tariffs per kWh: 20,000,000 / 10,000 = 2,000 paisa; marginal 800; break-even 92,000,000 / 10,000 = 9,200.
        #expect(f.tariffPaid == 2_000)
        #expect(f.marginalTariff == 800)
        #expect(f.breakEvenTariff == 9_200)
        // Two days of 1,000 TH/s: hashprice 92,600,000 / 2,000 = 46,300 paisa; 3,020,000,000 msat / 2,000 = 1,510,000.
        #expect(f.days == 2)
        #expect(f.hashpriceValue == 46_300)
        #expect(f.hashpriceMilliSats == 1_510_000)
        // 18 kW / 1,000 TH/s = 18 J/TH.
        #expect(f.efficiencyMilliJPerTH == 18_000)
        #expect(report.total == f)
    }

    /// Re-equipped on 07-02 (3,000 TH/s at 36 kW from that day): 07-01 keeps the first figures, so the installed
    /// TH-days are 1,000 + 3,000 = 4,000 and kW-days 18 + 36 = 54; hashprice 92,600,000 / 4,000 = 23,150 paisa,
    /// 3,020,000,000 msat / 4,000 = 755,000; efficiency 54 / 4,000 TH-days * 1e6 = 13,500 (13.5 J/TH).
    @Test func siteFiguresApplyFromTheirDate() throws {
        let l = try ledger()
        try SiteSpecs.set(try SiteSpec(site: "hydro", hashrateTHs: 3000, powerKW: 36, from: try LedgerDate("2025-07-02")), in: l.store)
        let f = try #require(try MiningReport.compute(l.store, by: .month).lines.first).figures
        #expect(f.hashpriceValue == 23_150)
        #expect(f.hashpriceMilliSats == 755_000)
        #expect(f.efficiencyMilliJPerTH == 13_500)
        // The report of 07-01 alone is unchanged by the later figures.
        let first = try #require(try MiningReport.compute(l.store, by: .month, to: try LedgerDate("2025-07-01")).lines.first).figures
        #expect(first.efficiencyMilliJPerTH == 18_000)
        #expect(first.days == 1)
    }

    @Test func billsSpreadEvenlyAcrossPeriods() throws {
        let l = try ReportTestLedger()
        try l.store.write { try $0.addPrice(date: try LedgerDate("2025-07-30"), base: "BTC", quote: "PKR", price: 3_000_000_000) }
        try l.payout("2025-07-30", sats: 1_000, site: "Gas")
        // 3 days, 100 paisa: cumulative round(100k/3) = 33, 67, 100 -> July (1 day) 33, August (2 days) 67.
        try l.bill(site: "Gas", start: "2025-07-31", end: "2025-08-02", wh: 3_000, amount: 100, marginal: nil, invoice: "G-1")
        let report = try MiningReport.compute(l.store, by: .month)
        let july = try #require(report.lines.first { $0.period == "2025-07" })
        let august = try #require(report.lines.first { $0.period == "2025-08" })
        #expect(july.figures.cost == 33)
        #expect(august.figures.cost == 67)
        #expect(july.figures.energyWh == 1_000)
        #expect(august.figures.energyWh == 2_000)
        // No marginal part stated: the marginal figures are absent, not zero.
        #expect(august.figures.marginalCost == nil)
        #expect(report.total.cost == 100)
        // Fiscal year July-June: one line, labelled FY2025-26.
        let fy = try MiningReport.compute(l.store, by: .fiscalYear)
        #expect(fy.lines.map(\.period) == ["FY2025-26"])
        #expect(fy.lines.first?.figures.cost == 100)
    }

    @Test func dayShareOfThreeDays() {
        let shares = (1...3).map { ReportMath.cumulativeShare(100, days: $0, of: 3) - ReportMath.cumulativeShare(100, days: $0 - 1, of: 3) }
        #expect(shares == [33, 34, 33])
    }

    @Test func fromToAndSiteFilter() throws {
        let l = try ledger()
        try l.payout("2025-07-02", sats: 5_000, site: "Gas")
        let only = try MiningReport.compute(l.store, by: .month, from: try LedgerDate("2025-07-02"),
                                            to: try LedgerDate("2025-07-02"), site: "hydro")
        #expect(only.lines.map(\.site) == ["Hydro"])
        // One day: the 07-02 payout, and half the bill: round(20,000,000 * 2/2) - round(20,000,000 * 1/2).
        #expect(only.total.minedSats == 2_000_000)
        #expect(only.total.cost == 10_000_000)
        #expect(throws: ReportError.unknownSite("coal")) {
            try MiningReport.compute(l.store, by: .month, site: "coal")
        }
        #expect(throws: ReportError.invalidRange(from: try LedgerDate("2025-07-03"), to: try LedgerDate("2025-07-01"))) {
            try MiningReport.compute(l.store, by: .month, from: try LedgerDate("2025-07-03"), to: try LedgerDate("2025-07-01"))
        }
    }

    @Test func emptyLedger() throws {
        let l = try ReportTestLedger()
        #expect(throws: ReportError.noMiningData) { try MiningReport.compute(l.store, by: .month) }
        let empty = try MiningReport.compute(l.store, by: .month, from: try LedgerDate("2025-07-01"), to: try LedgerDate("2025-07-31"))
        #expect(empty.lines.isEmpty)
        #expect(empty.total.costPerBTC == nil)
    }

    @Test func jsonTotalsEqualTableTotals() throws {
        let doc = try MiningReport.compute(try ledger().store, by: .month).document()
        let json = ReportDataRenderer.json(doc)
        #expect(json.contains("\"sites_total\":{\"period\":\"Total\",\"site\":\"all\",\"btc_mined_sats\":3020000,\"btc_mined\":\"0.03020000\""))
        #expect(json.contains("\"cost_per_btc_minor\":666666667,\"cost_per_btc\":\"6666666.67\""))
        // Net of the 20,000-sat fee: 3,000,000 sats and 92,000,000 paisa.
        #expect(json.contains("\"btc_net_sats\":3000000,\"btc_net\":\"0.03000000\",\"revenue_net_minor\":92000000"))
        let table = ReportTextRenderer.render(doc)
        let totalLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("Total") })
        #expect(totalLine.contains("0.03020000"))
        #expect(totalLine.contains("926,000.00"))
        #expect(totalLine.contains("6,666,666.67"))
    }
}
