/// The mining report as a table (field names in docs/reports.md).
extension MiningReport {
    public func document() -> ReportDocument {
        let money = ReportUnit.money(currency: currency, scale: scale)
        let columns: [ReportColumn] = [
            ReportColumn("period", title: "Period", priority: 0),
            ReportColumn("site", title: "Site", priority: 0),
            ReportColumn("btc_mined", integer: "btc_mined_sats", title: "BTC mined", unit: .sats, priority: 0),
            ReportColumn("revenue", integer: "revenue_minor", title: "Revenue", unit: money, priority: 0),
            ReportColumn("pool_fees_btc", integer: "pool_fees_btc_sats", title: "Pool fees BTC", unit: .sats, priority: 2),
            ReportColumn("pool_fees", integer: "pool_fees_minor", title: "Pool fees", unit: money, priority: 2),
            ReportColumn("btc_net", integer: "btc_net_sats", title: "BTC net of fees", unit: .sats, priority: 1),
            ReportColumn("revenue_net", integer: "revenue_net_minor", title: "Revenue net", unit: money, priority: 2),
            ReportColumn("energy", integer: "energy_wh", title: "kWh", unit: .fixed(scale: 3), priority: 2),
            ReportColumn("electricity_cost", integer: "electricity_cost_minor", title: "Electricity", unit: money, priority: 0),
            ReportColumn("marginal_cost", integer: "marginal_cost_minor", title: "Marginal cost", unit: money, priority: 2),
            ReportColumn("margin", integer: "margin_minor", title: "Margin", unit: money, priority: 1),
            ReportColumn("margin_marginal", integer: "margin_marginal_minor", title: "Margin (marginal)", unit: money, priority: 2),
            ReportColumn("cost_per_btc", integer: "cost_per_btc_minor", title: "Cost/BTC", unit: money, priority: 1),
            ReportColumn("cost_per_btc_marginal", integer: "cost_per_btc_marginal_minor", title: "Cost/BTC (marginal)", unit: money, priority: 3),
            ReportColumn("btc_price_realised", integer: "btc_price_realised_minor", title: "Price realised", unit: money, priority: 3),
            ReportColumn("tariff_paid", integer: "tariff_paid_minor_per_kwh", title: "Tariff/kWh", unit: money, priority: 2),
            ReportColumn("tariff_marginal", integer: "tariff_marginal_minor_per_kwh", title: "Marginal/kWh", unit: money, priority: 3),
            ReportColumn("break_even_tariff", integer: "break_even_tariff_minor_per_kwh", title: "Break-even/kWh", unit: money, priority: 1),
            ReportColumn.count("days_count", title: "Days", priority: 3),
            ReportColumn("efficiency", integer: "efficiency_mj_per_th", title: "J/TH", unit: .fixed(scale: 3), priority: 3),
            ReportColumn("hashprice", integer: "hashprice_minor_per_th_day", title: "Hashprice/TH/day", unit: money, priority: 3),
            ReportColumn("hashvalue", integer: "hashvalue_msats_per_th_day", title: "sats/TH/day", unit: .fixed(scale: 3), priority: 3),
        ]
        func cell(_ v: Int64?) -> ReportCell { v.map(ReportCell.int) ?? .none }
        func row(_ period: String, _ site: String, _ f: MiningFigures) -> [ReportCell] {
            [.text(period), .text(site), .int(f.minedSats), .int(f.revenue), .int(f.poolFeeSats), .int(f.poolFeeValue),
             .int(f.netSats), .int(f.netRevenue),
             .int(f.energyWh), .int(f.cost), cell(f.marginalCost), .int(f.margin), cell(f.marginOnMarginalCost),
             cell(f.costPerBTC), cell(f.marginalCostPerBTC), cell(f.realisedPrice), cell(f.tariffPaid),
             cell(f.marginalTariff), cell(f.breakEvenTariff), .int(f.days), cell(f.efficiencyMilliJPerTH),
             cell(f.hashpriceValue), cell(f.hashpriceMilliSats)]
        }
        return ReportDocument(
            name: "mining", title: "Mining economics \(from) to \(to), by \(grouping.rawValue)",
            parameters: [("from", .text(from.description)), ("to", .text(to.description)), ("by", .text(grouping.rawValue)),
                         ("currency", .text(currency)),
                         ("value_basis", .text("book"))],
            sections: [ReportSection(id: "sites", title: "Per site and period", columns: columns,
                                     rows: lines.map { row($0.period, $0.site, $0.figures) },
                                     total: row("Total", "all", total))])
    }
}
