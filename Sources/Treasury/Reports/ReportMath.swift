import Ledger

/// Integer ratios for reports: Int128 products, results rounded half to even, nil when the divisor is zero.
public enum ReportMath {
    /// `a * b / c` rounded half to even; nil when `c` is zero or the result does not fit Int64.
    public static func ratio(_ a: Int64, times b: Int64, over c: Int64) -> Int64? {
        guard c != 0 else { return nil }
        let sign: Int128 = c < 0 ? -1 : 1
        return Int64(exactly: Valuation.roundHalfEven(Int128(a) * Int128(b) * sign, Int128(c) * sign))
    }

    /// The part of `total` carried by the first `k` of `n` days when it is spread evenly: `round(total * k / n)`.
    /// Differences of consecutive cumulative shares give each day's share, so shares always sum to `total`.
    public static func cumulativeShare(_ total: Int64, days k: Int, of n: Int) -> Int64 {
        ratio(total, times: Int64(k), over: Int64(n)) ?? 0
    }
}
