/// The mining report as a table (field names in docs/reports.md).
extension MiningReport {
    public func document() -> ReportDocument {
        let money = ReportUnit.money(currency: currency, scale: scale)
        let columns: [ReportColumn] = [
            ReportColumn("period", title: "Period"),
            ReportColumn("site", title: "Site"),
            ReportColumn("btc_mined", integer: "btc_mined_sats", title: "BTC mined", unit: .sats),
            ReportColumn("revenue", integer: "revenue_minor", title: "Revenue", unit: money),
            ReportColumn("pool_fees_btc", integer: "pool_fees_sats", title: "Pool fees BTC", unit: .sats),
            ReportColumn("pool_fees", integer: "pool_fees_minor", title: "Pool fees", unit: money),
            ReportColumn("btc_net", integer: "btc_net_sats", title: "BTC net of fees", unit: .sats),
            ReportColumn("revenue_net", integer: "revenue_net_minor", title: "Revenue net", unit: money),
            ReportColumn("energy_kwh", integer: "energy_wh", title: "kWh", unit: .fixed(scale: 3)),
            ReportColumn("electricity_cost", integer: "electricity_cost_minor", title: "Electricity", unit: money),
            ReportColumn("marginal_cost", integer: "marginal_cost_minor", title: "Marginal cost", unit: money),
            ReportColumn("margin", integer: "margin_minor", title: "Margin", unit: money),
            ReportColumn("margin_marginal", integer: "margin_marginal_minor", title: "Margin (marginal)", unit: money),
            ReportColumn("cost_per_btc", integer: "cost_per_btc_minor", title: "Cost/BTC", unit: money),
            ReportColumn("cost_per_btc_marginal", integer: "cost_per_btc_marginal_minor", title: "Cost/BTC (marginal)", unit: money),
            ReportColumn("btc_price_realised", integer: "btc_price_realised_minor", title: "Price realised", unit: money),
            ReportColumn("tariff_paid", integer: "tariff_paid_minor_per_kwh", title: "Tariff/kWh", unit: money),
            ReportColumn("tariff_marginal", integer: "tariff_marginal_minor_per_kwh", title: "Marginal/kWh", unit: money),
            ReportColumn("break_even_tariff", integer: "break_even_tariff_minor_per_kwh", title: "Break-even/kWh", unit: money),
            ReportColumn("days", integer: "days_count", title: "Days", unit: .count),
            ReportColumn("efficiency_j_per_th", integer: "efficiency_mj_per_th", title: "J/TH", unit: .fixed(scale: 3)),
            ReportColumn("hashprice", integer: "hashprice_minor_per_th_day", title: "Hashprice/TH/day", unit: money),
            ReportColumn("hashprice_sats", integer: "hashprice_msats_per_th_day", title: "sats/TH/day", unit: .fixed(scale: 3)),
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
            parameters: [("from", from.description), ("to", to.description), ("by", grouping.rawValue),
                         ("currency", currency)],
            sections: [ReportSection(id: "sites", title: "Per site and period", columns: columns,
                                     rows: lines.map { row($0.period, $0.site, $0.figures) },
                                     total: row("Total", "all", total))])
    }
}
