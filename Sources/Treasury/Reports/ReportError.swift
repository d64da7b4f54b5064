import Ledger

/// Why a report could not be produced: each case names what is missing or wrong.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPrice(currency: String, date: LedgerDate)
    case invalidRange(from: LedgerDate, to: LedgerDate)
    case noSnapshot
    case noMiningData
    case unknownSnapshot(Int64)
    case unknownSite(String)
    case invalidSiteFigure(field: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .noPrice(let c, let d): return "no BTC price in \(c) on or before \(d); import prices first"
        case .invalidRange(let f, let t): return "the start date \(f) is after the end date \(t)"
        case .noSnapshot: return "no chain snapshot in the ledger; import one with `reserve import snapshot FILE --as-of TIME`"
        case .noMiningData: return "no mining income or power bills in the ledger; give --from and --to for an empty report"
        case .unknownSnapshot(let id): return "no chain snapshot with id \(id)"
        case .unknownSite(let s): return "no mining site \(s); sites are created when their payouts or bills are imported"
        case .invalidSiteFigure(let f, let v, let r): return "\(f) \(v): \(r)"
        }
    }
}
