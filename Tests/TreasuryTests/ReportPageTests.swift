import Foundation
import Ledger
import TestSupport
import Testing
@testable import Treasury

/// The HTML page on the hand-built ledger of the movement tests: self-contained, readable on a phone, every chart
/// with a text alternative and exact figures on hover, and the movement schedule adding up to the holdings.
@Suite struct ReportPageTests {
    func page() throws -> (String, HoldingsReport) {
        let l = try ReportMovementTests().ledger()
        let at = try LedgerDate("2025-07-02")
        let holdings = try HoldingsReport.compute(l.store, at: at, since: try LedgerDate("2025-07-01"))
        let mining = try MiningReport.compute(l.store, by: .month, from: try LedgerDate("2025-07-01"), to: at)
        let history = try HoldingsHistory.compute(l.store, from: try LedgerDate("2025-07-01"), to: at)
        let html = HTMLReport(programme: "Test <Reserve> & Co", asOf: at, headHash: String(repeating: "ab", count: 32),
                              currency: "PKR", scale: 2, fiscalYearStart: 7, holdings: holdings, mining: mining,
                              history: history).render()
        return (html, holdings)
    }

    @Test func selfContainedAndResponsive() throws {
        let (html, _) = try page()
        #expect(PageChecks.problems(html) == [])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media (max-width:700px)"))
        #expect(html.contains("@media print"))
        #expect(html.contains("Test &lt;Reserve&gt; &amp; Co"))
        // The ledger head and the as-of date in the title block, which prints on the first page.
        let header = try #require(html.range(of: "<header>").flatMap { s in html.range(of: "</header>").map { html[s.lowerBound..<$0.upperBound] } })
        #expect(header.contains(String(repeating: "ab", count: 32)))
        #expect(header.contains("2025-07-02"))
    }

    @Test func everyChartHasATextAlternativeAndExactFiguresOnHover() throws {
        let (html, _) = try page()
        let svgs = PageChecks.tags("svg", in: html)
        #expect(svgs.count >= 5)  // waterfall and history (two widths each), a panel per site, cost per BTC (two widths)
        #expect(svgs.allSatisfy { $0.contains("role=\"img\"") && $0.contains("aria-label=\"") })
        // Every point of a line carries its exact figure.
        #expect(PageChecks.count("<circle", in: html) == PageChecks.count("</title></circle>", in: html))
        #expect(html.contains("<title>Jul 2025 · Hydro: 0.03000000 BTC net of pool fees</title>"))
        #expect(!html.contains(">25-07<"))
    }

    /// The waterfall and the table read the same schedule; it closes on the holdings total of the same page.
    @Test func movementAddsUpToTheHoldingsOnThePage() throws {
        let (html, holdings) = try page()
        let m = holdings.movement
        #expect(m.addsUp)
        #expect(m.closing == holdings.totalSats)
        #expect(html.contains("<td>Reserve at the end of 2025-07-02</td><td class=\"num\">0.03798500</td>"))
        #expect(html.contains("<td>Reserve total</td><td class=\"num\">0.03798500</td>"))
        for step in ["+0.02340000", "−0.00040000", "+0.00050000", "−0.00001500", "−0.00100000"] {
            #expect(html.contains("<td class=\"num\">\(step)</td>"), "\(step)")
        }
    }

    @Test func ticksAndMonthsInTheAxisUnit() {
        #expect(SVGChart.tickText(5000, 1000) == "5,000")
        #expect(SVGChart.tickText(0.75, 0.25) == "0.75")
        #expect(SVGChart.tickText(1.5, 0.5) == "1.5")
        #expect(SVGChart.periodLabel("2025-07") == "Jul 2025")
        #expect(SVGChart.periodLabel("FY2025-26") == "FY2025-26")
        #expect(SVGChart.niceScale(157.6) == SVGChart.Scale(max: 200, step: 50))
        #expect(SVGChart.niceScale(6.7) == SVGChart.Scale(max: 8, step: 2))
    }
}
