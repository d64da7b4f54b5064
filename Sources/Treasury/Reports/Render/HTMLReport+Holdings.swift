import Ledger

/// The page's holdings section: what each wallet holds, how the reserve's BTC moved over the period (waterfall and
/// table, the accrual pools' receivable beside it), and the holdings at each month end.
extension HTMLReport {
    func holdingsSection() -> String {
        guard let h = holdings else { return "" }
        var out = "<section class=\"part\" id=\"holdings\"><h2>What the reserve holds</h2>"
        let since = h.since != nil
        var columns: [HTMLTable.Column] = [.text("Wallet"), .number("BTC"), .number("Value (\(currency))")]
        if since { columns += [.number("BTC at the start"), .number("Change (BTC)")] }
        columns += [.number("From mining (BTC)"), .number("Moved between wallets and spent (BTC)")]
        func row(_ l: HoldingsReport.Line) -> [String] {
            var r = [shortAccount(l.account), btc(l.sats), ReportFormat.text(.int(l.value), money, grouped: true)]
            if since { r += [btc(l.satsSince ?? 0), btc(l.sats - (l.satsSince ?? 0))] }
            return r + [btc(l.mined), btc(l.transferred)]
        }
        func total(_ name: String, _ lines: [HoldingsReport.Line]) -> [String] {
            var t = HoldingsReport.Line(account: name, sats: 0, value: 0, satsSince: 0, valueSince: 0, mined: 0, transferred: 0)
            for l in lines {
                t.sats += l.sats; t.value += l.value; t.satsSince? += l.satsSince ?? 0; t.mined += l.mined; t.transferred += l.transferred
            }
            return row(t)
        }
        out += HTMLTable(columns: columns, rows: h.wallets.map(row), total: total("Reserve total", h.wallets),
                         note: "Valued at \(HTMLText.escape(cash(h.price.price))) per BTC, the price of \(h.price.date). "
                             + "Coins come from mining into the hot wallet and move to cold storage; a move between the "
                             + "reserve's own wallets is neither a gain nor a loss.",
                         caption: "Reserve wallets at \(h.at)").render()
        out += movement(h)
        if let hist = history, !hist.months.isEmpty { out += historyChart(hist) }
        return out + "</section>"
    }

    /// The movement schedule as a waterfall and a table, the receivable beside it.
    func movement(_ h: HoldingsReport) -> String {
        let m = h.movement
        let start = m.since.map { "the end of \($0)" } ?? "the ledger's start"
        var rows = [SVGWaterfall.Row(label: "Reserve at \(start)", amount: m.opening, isTotal: true, text: btc(m.opening))]
        for s in m.steps where s.sats != 0 || ["mined_gross", "network_fees", "disbursements"].contains(s.key) {
            rows.append(.init(label: s.title, amount: s.sats, isTotal: false, text: signedBTC(s.sats)))
        }
        rows.append(.init(label: "Reserve at the end of \(m.at)", amount: m.closing, isTotal: true, text: btc(m.closing)))
        let description = "Waterfall of the reserve's BTC from \(btc(m.opening)) at \(start) to \(btc(m.closing)) at the end of \(m.at): "
            + m.steps.map { "\($0.title) \(signedBTC($0.sats))" }.joined(separator: ", ") + "."
        let chart = twoWidths { w, c in SVGWaterfall(rows: rows, unit: "BTC", width: w, description: description, cssClass: c).render() }
        var table = m.steps.map { [$0.title, signedBTC($0.sats)] }
        table.insert(["Reserve at \(start)", btc(m.opening)], at: 0)
        var note = "Every line is a ledger figure: mining income, pool fee, receivable, network fee and disbursement accounts "
            + "over the period. They add up to the holdings above because every transaction balances in BTC."
        if !m.otherAccounts.isEmpty {
            note += " Other receipts: " + m.otherAccounts.map { HTMLText.escape($0.0) + " " + HTMLText.escape(signedBTC($0.1)) }
                .joined(separator: ", ") + "."
        }
        if !m.addsUp { note += " <b>The steps do not add up to the closing balance: run <code>reserve verify ledger</code>.</b>" }
        let schedule = HTMLTable(columns: [.text("Step"), .number("BTC")], rows: table,
                                 total: ["Reserve at the end of \(m.at)", btc(m.closing)], note: note,
                                 caption: "Movement of the reserve's BTC").render()
        let receivable = HTMLTable(columns: [.text("Owed by accrual pools"), .number("BTC")], rows: [
            ["At \(start)", btc(m.receivableOpening)],
            ["Earned, not yet paid (net)", signedBTC(m.receivableIncrease)],
        ], total: ["At the end of \(m.at)", btc(m.receivableClosing)],
           note: "Accrual pools credit earnings daily and pay later; what they owe is an asset of the reserve but not yet in its wallets."
               + (h.receivables.isEmpty ? "" : " Pools: " + h.receivables.map { HTMLText.escape(shortAccount($0.account)) + " " + btc($0.sats) + " BTC" }
                   .joined(separator: ", ") + "."),
           caption: "Accrual pools' receivable").render()
        return "<h3>How \(btc(m.minedGross)) BTC mined became \(btc(m.closing)) BTC held</h3>"
            + figure("Reserve BTC from \(start) to the end of \(m.at): each step in BTC", chart)
            + "<div class=\"pair\"><div>" + schedule + "</div><div>" + receivable + "</div></div>"
    }

    /// Month-end BTC per wallet (stacked) and the reserve's value on the right axis.
    func historyChart(_ hist: HoldingsHistory) -> String {
        var values: [Int64?] = []
        for (k, p) in hist.prices.enumerated() {
            let sats = hist.wallets.reduce(Int64(0)) { $0 + $1.1[k] }
            values.append(p.flatMap { try? Valuation.value(amount: sats, price: $0, amountScale: 8) })
        }
        let axis = moneyAxis(values.compactMap { $0 }.max() ?? 0)
        let months = hist.months
        // The largest wallet at the bottom, so a small one (hot) sits on top of the stack where it shows.
        let order = hist.wallets.sorted { ($0.1.last ?? 0) > ($1.1.last ?? 0) }
        let bars = order.enumerated().map { i, w in
            SVGChart.Series(name: "\(w.0) (\(btc(w.1.last ?? 0)) BTC at \(SVGChart.periodLabel(months.last ?? "")))",
                            color: i == 0 ? HTMLReport.palette[0] : HTMLReport.palette[(i + 1) % 6],
                            values: w.1.map { Double($0) / 1e8 },
                            titles: w.1.enumerated().map { k, s in "\(SVGChart.periodLabel(months[k])) · \(w.0): \(btc(s)) BTC" })
        }
        let line = SVGChart.Series(name: "Value (\(axis.unit))", color: "#222222",
                                   values: values.map { $0.map { Double($0) / axis.divisor } },
                                   titles: values.enumerated().map { k, v in v.map { "\(SVGChart.periodLabel(months[k])) · value: \(cash($0))" } })
        let first = months.first.map(SVGChart.periodLabel) ?? "", last = months.last.map(SVGChart.periodLabel) ?? ""
        let description = "Stacked bars of BTC held per wallet at each month end from \(first) to \(last), and a line of its value in \(axis.unit)."
        let chart = twoWidths { w, c in
            SVGChart(labels: months, bars: bars, stacked: true, lines: [line], linesOnRightAxis: true,
                     left: .init(unit: "BTC"), right: .init(unit: axis.unit), width: w, height: w < 500 ? 260 : 280,
                     description: description, cssClass: c).render()
        }
        return "<h3>Holdings at each month end</h3>" + figure("BTC held per wallet at each month end, and its value at that day's price", chart)
    }
}
