/// The holdings report as tables (field names in docs/reports.md).
extension HoldingsReport {
    public func document() -> ReportDocument {
        let money = ReportUnit.money(currency: currency, scale: scale)
        var columns: [ReportColumn] = [
            ReportColumn("account", title: "Account", priority: 0),
            ReportColumn("btc", integer: "btc_sats", title: "BTC", unit: .sats, priority: 0),
            ReportColumn("value", integer: "value_minor", title: "Value \(currency)", unit: money, priority: 0),
        ]
        if since != nil {
            columns += [
                ReportColumn("btc_since", integer: "btc_since_sats", title: "BTC then", unit: .sats, priority: 2),
                ReportColumn("btc_change", integer: "btc_change_sats", title: "BTC change", unit: .sats),
                ReportColumn("value_change", integer: "value_change_minor", title: "Value change", unit: money, priority: 1),
            ]
        }
        columns += [
            ReportColumn("mined", integer: "mined_sats", title: "From mining", unit: .sats, priority: 2),
            ReportColumn("transferred", integer: "transferred_sats", title: "Transfers (net)", unit: .sats, priority: 2),
        ]
        func row(_ name: String, _ sats: Int64, _ value: Int64, _ satsSince: Int64?, _ valueSince: Int64?,
                 _ mined: Int64, _ transferred: Int64) -> [ReportCell] {
            var r: [ReportCell] = [.text(name), .int(sats), .int(value)]
            if since != nil {
                r += [.int(satsSince ?? 0), .int(sats - (satsSince ?? 0)), .int(value - (valueSince ?? 0))]
            }
            return r + [.int(mined), .int(transferred)]
        }
        func section(_ id: String, _ title: String, _ lines: [Line], totalName: String) -> ReportSection {
            let rows = lines.map { row($0.account, $0.sats, $0.value, $0.satsSince, $0.valueSince, $0.mined, $0.transferred) }
            func sum(_ f: (Line) -> Int64) -> Int64 { lines.reduce(0) { $0 + f($1) } }
            let total = row(totalName, sum(\.sats), sum(\.value), sum { $0.satsSince ?? 0 }, sum { $0.valueSince ?? 0 },
                            sum(\.mined), sum(\.transferred))
            return ReportSection(id: id, title: title, columns: columns, rows: rows, total: total)
        }
        var parameters: [(String, ReportValue)] = [
            ("at", .text(at.description)), ("currency", .text(currency)),
            ("value_basis", .text("market")), ("price_date", .text(price.date.description)),
            ("price_minor", .int(price.price)),
            ("price", .text(ReportFormat.text(.int(price.price), money, grouped: false))),
        ]
        if let since {
            parameters += [("since", .text(since.description)),
                           ("price_since_date", priceSince.map { .text($0.date.description) } ?? .null),
                           ("price_since_minor", priceSince.map { .int($0.price) } ?? .null),
                           ("price_since", priceSince.map { .text(ReportFormat.text(.int($0.price), money, grouped: false)) } ?? .null)]
        }
        return ReportDocument(
            name: "holdings", title: "Reserve holdings at \(at)", parameters: parameters,
            sections: [
                section("wallets", "Reserve wallets (BTC at the price of \(price.date))", wallets, totalName: "Reserve total"),
                section("receivables", "Owed by pools (accrual earnings not yet paid)", receivables, totalName: "Total receivable"),
            ] + movementSections())
    }

    /// The movement schedule: the opening reserve and each step as rows, the closing reserve as the total (the rows
    /// sum to it); then the accrual pools' receivable at both ends.
    func movementSections() -> [ReportSection] {
        let columns = [
            ReportColumn("step", title: "Step"),
            ReportColumn("description", title: "Description"),
            ReportColumn("btc", integer: "btc_sats", title: "BTC", unit: .sats),
        ]
        let m = movement
        let start = m.since.map { "end of \($0)" } ?? "the ledger's start"
        let rows: [[ReportCell]] = [[.text("opening"), .text("Reserve at the \(start)"), .int(m.opening)]]
            + m.steps.map { [.text($0.key), .text($0.title), .int($0.sats)] }
        let receivable: [[ReportCell]] = [
            [.text("opening"), .text("Receivable at the \(start)"), .int(m.receivableOpening)],
            [.text("increase"), .text("Earned, not yet paid (net)"), .int(m.receivableIncrease)],
        ]
        return [
            ReportSection(id: "movement", title: "Movement of the reserve's BTC, \(start) to \(m.at)", columns: columns,
                          rows: rows, total: [.text("closing"), .text("Reserve at the end of \(m.at)"), .int(m.closing)]),
            ReportSection(id: "movement_receivable", title: "Accrual pools' receivable (earned, not yet paid)",
                          columns: columns, rows: receivable,
                          total: [.text("closing"), .text("Receivable at the end of \(m.at)"), .int(m.receivableClosing)]),
        ]
    }
}
