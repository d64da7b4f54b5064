/// The proof-of-reserves report as tables (field names in docs/reports.md).
extension ReservesReport {
    public func document() -> ReportDocument {
        let columns = [
            ReportColumn("address", title: "Address"),
            ReportColumn("wallet", title: "Wallet"),
            ReportColumn.count("line", title: "Line"),
            ReportColumn("status", title: "Status"),
            ReportColumn("btc", integer: "btc_sats", title: "BTC on chain", unit: .sats),
            ReportColumn("reason", title: "Reason"),
        ]
        let rows: [[ReportCell]] = lines.map {
            [.text($0.address), .text($0.wallet), $0.line.map { .int(Int64($0)) } ?? .none, .text($0.status.rawValue),
             .int($0.sats), .text($0.reason)]
        }
        let totalColumns = [
            ReportColumn("measure", title: "Measure"),
            ReportColumn("btc", integer: "btc_sats", title: "BTC", unit: .sats),
        ]
        let totals: [[ReportCell]] = [
            [.text("proven"), .int(provenSats)],
            [.text("unproven"), .int(unprovenSats)],
            [.text("snapshot"), .int(snapshotSats)],
            [.text("ledger"), .int(ledgerSats)],
            [.text("proven_minus_ledger"), .int(provenSats - ledgerSats)],
        ]
        func btc(_ sats: Int64) -> String { ReportFormat.text(.int(sats), .sats, grouped: false) }
        var findings: [String] = []
        if !covered {
            findings.append("proven \(ReportFormat.text(.int(provenSats), .sats, grouped: false)) BTC falls short of the ledger's "
                            + "\(ReportFormat.text(.int(ledgerSats), .sats, grouped: false)) BTC")
        }
        for status in Status.allCases where status != .proven {
            let n = lines.filter { $0.status == status }.count
            if n > 0 { findings.append("\(n) address(es) \(status.rawValue)") }
        }
        return ReportDocument(
            name: "reserves", title: "Proof of reserves at block \(height)",
            parameters: [("snapshot_id", .int(snapshotID)), ("height", .int(height)),
                         ("best_block", bestBlock.map { .text($0) } ?? .null),
                         ("as_of_date", .text(asOfDate.description)), ("challenge", .text(challenge)),
                         ("proven_sats", .int(provenSats)), ("proven", .text(btc(provenSats))),
                         ("unproven_sats", .int(unprovenSats)), ("unproven", .text(btc(unprovenSats))),
                         ("ledger_sats", .int(ledgerSats)), ("ledger", .text(btc(ledgerSats)))],
            sections: [
                ReportSection(id: "addresses", title: "Attested and funded addresses", columns: columns, rows: rows,
                              total: [.text("Total"), .text(""), .none, .text(""), .int(lines.reduce(0) { $0 + $1.sats }),
                                      .text("")]),
                ReportSection(id: "totals", title: "Totals", columns: totalColumns, rows: totals),
            ],
            passed: covered, findings: findings)
    }
}
