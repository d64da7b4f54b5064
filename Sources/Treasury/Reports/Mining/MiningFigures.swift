/// Sums for one site and period of the mining report; ratios are derived, integer, rounded half to even.
public struct MiningFigures: Sendable, Equatable {
    /// BTC mined, gross of pool fees (mining income: payouts of cash pools, earnings of accrual pools).
    public var minedSats: Int64 = 0
    /// Mining income at the price of each day, functional minor units.
    public var revenue: Int64 = 0
    /// Pool fees withheld (cash pools that state them), BTC and value.
    public var poolFeeSats: Int64 = 0
    public var poolFeeValue: Int64 = 0
    /// Energy in watt-hours and its cost, from bills spread evenly over their days.
    public var energyWh: Int64 = 0
    public var cost: Int64 = 0
    /// The avoidable part of the cost; nil when a bill in the period does not state it.
    public var marginalCost: Int64? = 0
    /// Days covered, and TH/s·days and kW·days of installed capacity (0 without `site set`).
    public var days: Int64 = 0
    public var thsDays: Int64 = 0
    public var kwDays: Int64 = 0

    public init() {}

    /// BTC kept after pool fees.
    public var netSats: Int64 { minedSats - poolFeeSats }
    /// Revenue after pool fees.
    public var netRevenue: Int64 { revenue - poolFeeValue }
    /// Net revenue minus electricity cost.
    public var margin: Int64 { netRevenue - cost }
    public var marginOnMarginalCost: Int64? { marginalCost.map { netRevenue - $0 } }
    /// Electricity cost per BTC kept: the break-even BTC price (minor units per BTC).
    public var costPerBTC: Int64? { ReportMath.ratio(cost, times: 100_000_000, over: netSats) }
    public var marginalCostPerBTC: Int64? { marginalCost.flatMap { ReportMath.ratio($0, times: 100_000_000, over: netSats) } }
    /// Revenue per BTC mined: the average price realised (minor units per BTC).
    public var realisedPrice: Int64? { ReportMath.ratio(revenue, times: 100_000_000, over: minedSats) }
    /// What the power cost per kWh (minor units per kWh).
    public var tariffPaid: Int64? { ReportMath.ratio(cost, times: 1000, over: energyWh) }
    public var marginalTariff: Int64? { marginalCost.flatMap { ReportMath.ratio($0, times: 1000, over: energyWh) } }
    /// Net revenue per kWh: selling the power for more than this earns more than mining with it.
    public var breakEvenTariff: Int64? { ReportMath.ratio(netRevenue, times: 1000, over: energyWh) }
    /// Revenue per TH/s per day (minor units) and BTC per TH/s per day (millisatoshis).
    public var hashpriceValue: Int64? { ReportMath.ratio(revenue, times: 1, over: thsDays) }
    public var hashpriceMilliSats: Int64? { ReportMath.ratio(minedSats, times: 1000, over: thsDays) }
    /// Installed efficiency, thousandths of J/TH (power over hashrate, weighted by days).
    public var efficiencyMilliJPerTH: Int64? { ReportMath.ratio(kwDays, times: 1_000_000, over: thsDays) }

    mutating func add(_ o: MiningFigures) {
        minedSats += o.minedSats
        revenue += o.revenue
        poolFeeSats += o.poolFeeSats
        poolFeeValue += o.poolFeeValue
        energyWh += o.energyWh
        cost += o.cost
        if let m = marginalCost, let n = o.marginalCost { marginalCost = m + n } else { marginalCost = nil }
        days += o.days
        thsDays += o.thsDays
        kwDays += o.kwDays
    }
}
