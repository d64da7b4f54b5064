import Ledger

/// Pool API formats `reserve import earnings` reads.
public enum EarningsSource: String, Sendable, CaseIterable {
    case f2pool, braiins
}

extension Importer {
    /// `reserve import earnings FILE --source f2pool|braiins --pool ID --site ID`: accrual pools' daily earnings,
    /// the pool receivable against mining income. A cash-basis pool is refused with how to switch.
    public func importEarnings(_ path: String, source: EarningsSource, pool: String, site: String,
                               options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        let file = path == "-" ? "stdin" : path
        return try run(.earnings, file: file, options: options) { session in
            let (root, sha) = try Importer.readJSON(path)
            switch try session.pools.basis(of: pool) {
            case .cash:
                throw InputError(file: file, line: 0, column: "--pool", message:
                    "pool \(pool) is on cash basis (its payouts are its income); to book its earnings, declare it first with `reserve pool add \(pool) --basis accrual`")
            case .accrual: break
            }
            do { try session.pools.useSite(site) } catch let e as PoolError {
                throw InputError(file: file, line: 0, column: "--site", message: e.description)
            }
            var days: [(line: Int, id: String, day: Int64, amount: Int64, path: String)] = []
            var others = 0
            var zero = 0
            switch source {
            case .f2pool:
                for entry in try F2PoolFile.entries(root, file: file) {
                    guard case .earning(let e) = entry.kind else { others += 1; continue }
                    days.append((entry.line, "f2pool-\(entry.id)", e.miningDate, e.amount, e.path))
                }
            case .braiins:
                for r in try BraiinsFile.rewards(root, file: file) {
                    guard r.amount > 0 else { zero += 1; continue }
                    days.append((r.line, ISOTimestamp.day(containing: r.date).description, r.date, r.amount, r.path))
                }
            }
            session.earliestDate = days.map { session.accountingDate(.unix($0.day)) }.min()
            for d in days {
                session.handle(line: d.line) {
                    let date = session.accountingDate(.unix(d.day))
                    let key = "earnings:\(pool):\(d.id)"
                    let fingerprint = ImportSession.fingerprint("earnings", "pool=\(pool);site=\(site);day=\(ISOTimestamp.unix(d.day));amount=\(d.amount)")
                    let description = "\(MinorUnits.format(d.amount, scale: 8)) BTC earned at \(pool) for \(site)"
                    if try session.check(key: key, fingerprint: fingerprint, line: d.line) == .alreadyBooked {
                        return ImportedRecord(line: d.line, key: key, status: .alreadyBooked, date: date.description, description: description)
                    }
                    let event = EarningEvent(date: date, pool: pool, site: site, amount: d.amount)
                    let postings = try session.valuing(line: d.line, column: d.path) { try session.rules.earning(event) }
                    _ = try session.book(line: d.line, key: key, fingerprint: fingerprint, date: date,
                                         narration: "Earnings at \(pool) for \(site)", source: "earnings", postings: postings)
                    return ImportedRecord(line: d.line, key: key, status: .new, date: date.description, description: description)
                }
            }
            if others > 0 {
                session.outcome.notes.append("\(others) entries are payouts or other kinds; import the payouts with "
                                             + "`reserve import payouts \(ShellWord.quoted(path)) --source f2pool --pool \(pool) --site \(site)`")
            }
            if zero > 0 { session.outcome.notes.append("\(zero) days with a zero reward book nothing") }
            return sha
        }
    }
}
