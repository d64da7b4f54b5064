import Ledger

/// The page's mining section: sites compared on BTC net of pool fees, one chart per site on shared scales, the cost
/// to mine a bitcoin against its price, and the period's summary per site.
extension HTMLReport {
    func miningSection() -> String {
        guard let m = mining else { return "" }
        var out = "<section class=\"part\" id=\"mining\"><h2>Mining against the cost of power</h2>"
        out += siteComparison(m)
        if m.grouping == .month { out += siteCharts(m) + costChart(m) }
        for doc in extra where doc.name == "mining" {
            out += "<h3>" + HTMLText.escape(periodTitle(doc)) + "</h3>" + documentTable(doc, keys: HTMLReport.summaryKeys)
        }
        return out + "</section>"
    }

    /// "Mining economics … by fiscal-year" → "Per site for the fiscal year".
    func periodTitle(_ doc: ReportDocument) -> String {
        let by = doc.parameter("by")
        let what = ["fiscal-year": "fiscal year", "quarter": "quarter", "month": "month"][by] ?? by
        return "Per site and \(what): power, cost and break-even"
    }

    /// Few enough columns to fit an A4 page and a desktop screen without scrolling.
    static let summaryKeys = ["period", "site", "btc_net", "electricity_cost", "margin_marginal", "cost_per_btc",
                              "break_even_tariff", "tariff_paid", "efficiency"]
    static let monthlyKeys = ["period", "site", "btc_mined", "btc_net", "revenue", "electricity_cost", "margin_marginal",
                              "cost_per_btc"]

    /// Each site's totals over the period.
    func siteTotals(_ m: MiningReport) -> [(String, MiningFigures)] {
        var sums: [String: MiningFigures] = [:]
        for l in m.lines { sums[l.site, default: MiningFigures()].add(l.figures) }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Sites side by side on what each added to the reserve: BTC net of pool fees. Cash pools state their fee, so
    /// their gross and fee stand beside; accrual pools' earnings are already net of a fee they do not state.
    func siteComparison(_ m: MiningReport) -> String {
        let sites = siteTotals(m)
        let accrualPools = (holdings?.receivables ?? []).map { shortAccount($0.account) }
        var anyUnstated = false
        let rows: [[String]] = sites.map { site, f in
            let stated = f.poolFeeSats != 0
            if !stated { anyUnstated = true }
            return [site, btc(f.netSats), stated ? btc(f.minedSats) : "—", stated ? btc(f.poolFeeSats) : "not stated ¹",
                    cashShort(f.cost), f.costPerBTC.map(cashShort) ?? "—", cashShort(f.marginOnMarginalCost ?? f.margin)]
        }
        let t = m.total
        var note = "BTC net of pool fees is what each site added to the reserve (paid or owed by its pool). "
            + "Cost per BTC is the electricity cost over that net BTC."
        if anyUnstated {
            note += " ¹ Accrual pools" + (accrualPools.isEmpty ? "" : " (" + accrualPools.map(HTMLText.escape).joined(separator: ", ") + ")")
                + " report earnings already net of a fee they do not state; the ledger holds no gross figure for them, so none is shown."
        }
        let table = HTMLTable(columns: [.text("Site"), .number("BTC net of pool fees"), .number("BTC gross (cash pools)"),
                                        .number("Pool fee (BTC)"), .number("Electricity"), .number("Power cost per BTC"),
                                        .number("Margin over marginal cost")],
                              rows: rows,
                              total: ["All sites", btc(t.netSats), "—", btc(t.poolFeeSats) + " stated", cashShort(t.cost),
                                      t.costPerBTC.map(cashShort) ?? "—", cashShort(t.marginOnMarginalCost ?? t.margin)],
                              note: note, caption: "Sites compared, \(m.from) to \(m.to)").render()
        return "<h3>Sites compared on BTC net of pool fees</h3>" + table
    }

    /// One panel per site, all on the same two scales: BTC net of pool fees (bars) and electricity cost (line).
    func siteCharts(_ m: MiningReport) -> String {
        let months = Array(Set(m.lines.map(\.period))).sorted()
        let sites = siteTotals(m).map(\.0)
        func figures(_ site: String, _ period: String) -> MiningFigures? { m.lines.first { $0.period == period && $0.site == site }?.figures }
        let maxCost = m.lines.map(\.figures.cost).max() ?? 0
        let axis = moneyAxis(maxCost)
        let btcScale = SVGChart.niceScale(Double(m.lines.map(\.figures.netSats).max() ?? 0) / 1e8)
        let costScale = SVGChart.niceScale(Double(maxCost) / axis.divisor)
        var panels = ""
        for site in sites {
            let fs = months.map { figures(site, $0) }
            let bars = SVGChart.Series(name: "BTC net of pool fees", color: HTMLReport.palette[0],
                                       values: fs.map { $0.map { Double($0.netSats) / 1e8 } },
                                       titles: zip(months, fs).map { p, f in f.map { "\(SVGChart.periodLabel(p)) · \(site): \(btc($0.netSats)) BTC net of pool fees" } })
            let line = SVGChart.Series(name: "Electricity (\(axis.unit))", color: "#7a3b2e",
                                       values: fs.map { $0.map { Double($0.cost) / axis.divisor } },
                                       titles: zip(months, fs).map { p, f in f.map { "\(SVGChart.periodLabel(p)) · \(site): electricity \(cash($0.cost))" } })
            let total = siteTotals(m).first { $0.0 == site }?.1 ?? MiningFigures()
            let description = "\(site): BTC net of pool fees per month (bars, 0 to \(SVGChart.tickText(btcScale.max, btcScale.step)) BTC) "
                + "and electricity cost (line, \(axis.unit)), \(SVGChart.periodLabel(months.first ?? "")) to "
                + "\(SVGChart.periodLabel(months.last ?? "")); in total \(btc(total.netSats)) BTC for \(cashShort(total.cost))."
            let chart = SVGChart(labels: months, bars: [bars], lines: [line], linesOnRightAxis: true,
                                 left: .init(unit: "BTC", scale: btcScale), right: .init(unit: axis.unit, scale: costScale),
                                 width: 340, height: 240, description: description, cssClass: "chart-panel").render()
            panels += figure("\(site): BTC net of pool fees and electricity, by month", chart, wide: false)
        }
        return "<h3>Each site by month, on the same scales</h3><div class=\"grid\">" + panels + "</div>"
    }

    /// The cost to mine one bitcoin (full and marginal) against its monthly average price, all sites together.
    func costChart(_ m: MiningReport) -> String {
        let months = Array(Set(m.lines.map(\.period))).sorted()
        var costs: [Int64?] = [], marginal: [Int64?] = [], price: [Int64?] = []
        for p in months {
            var f = MiningFigures()
            for l in m.lines where l.period == p { f.add(l.figures) }
            costs.append(f.costPerBTC)
            marginal.append(f.marginalCostPerBTC)
            price.append(m.averagePrice[p])
        }
        let axis = moneyAxis((costs + marginal + price).compactMap { $0 }.max() ?? 0, per: " per BTC")
        func series(_ name: String, _ color: String, _ v: [Int64?]) -> SVGChart.Series {
            SVGChart.Series(name: name, color: color, values: v.map { $0.map { Double($0) / axis.divisor } },
                            titles: zip(months, v).map { p, x in x.map { "\(SVGChart.periodLabel(p)) · \(name): \(cash($0))" } })
        }
        let lines = [series("BTC price (monthly average)", "#1f5f8b", price),
                     series("Power cost per BTC", "#7a3b2e", costs),
                     series("Marginal (fuel) cost per BTC", "#d08c2e", marginal)]
        let description = "Lines by month, in \(axis.unit): the average BTC price, the power cost of each BTC mined and its marginal "
            + "(fuel) cost, all sites together; mining pays where the price line is above a cost line."
        let chart = twoWidths { w, c in
            SVGChart(labels: months, lines: lines, left: .init(unit: axis.unit), width: w, height: w < 500 ? 250 : 270,
                     description: description, cssClass: c).render()
        }
        return "<h3>What one bitcoin cost to mine, against its price</h3>"
            + figure("Cost to mine one bitcoin against its price, all sites (\(axis.unit))", chart)
    }

    /// Human titles for the mining report's fields (the JSON keeps its field names).
    static let miningTitles: [String: String] = [
        "period": "Period", "site": "Site", "btc_mined": "BTC mined (gross)", "revenue": "Revenue",
        "pool_fees_btc": "Pool fee (BTC)", "btc_net": "BTC net of pool fees", "energy": "Energy (kWh)",
        "electricity_cost": "Electricity", "marginal_cost": "Marginal (fuel) cost", "margin": "Margin over full cost",
        "margin_marginal": "Margin over marginal cost", "cost_per_btc": "Power cost per BTC",
        "cost_per_btc_marginal": "Marginal cost per BTC", "break_even_tariff": "Break-even tariff per kWh",
        "tariff_paid": "Tariff paid per kWh", "efficiency": "Efficiency (J per TH)",
        "hashprice": "Revenue per TH/s per day", "hashvalue": "Sats per TH/s per day",
    ]

    /// A report section as a table with human titles, periods as "Jul 2025" and "all" as "All sites".
    func documentTable(_ doc: ReportDocument, keys: [String]) -> String {
        var out = ""
        for s in doc.sections {
            let picked = keys.compactMap { k in s.columns.firstIndex { $0.key == k } }
            let columns = picked.map { i -> HTMLTable.Column in
                let c = s.columns[i]
                let title = HTMLReport.miningTitles[c.key] ?? c.title
                return ReportFormat.isNumeric(c.unit) ? .number(title) : .text(title)
            }
            func row(_ cells: [ReportCell]) -> [String] {
                picked.map { i in
                    let text = ReportFormat.text(cells[i], s.columns[i].unit, grouped: true)
                    switch s.columns[i].key {
                    case "period": return SVGChart.periodLabel(text)
                    case "site": return text == "all" ? "All sites" : text
                    default: return text.isEmpty ? "—" : text
                    }
                }
            }
            out += HTMLTable(columns: columns, rows: s.rows.map(row), total: s.total.map(row),
                             note: "Amounts in \(HTMLText.escape(currency)); “—” where a figure does not apply.",
                             caption: periodTitle(doc)).render()
        }
        return out
    }
}
