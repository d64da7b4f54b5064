/// The proof-of-reserves report as tables (field names in docs/reports.md).
extension ReservesReport {
    public func document() -> ReportDocument {
        let columns = [
            ReportColumn("address", title: "Address"),
            ReportColumn("wallet", title: "Wallet"),
            ReportColumn("line", title: "Line"),
            ReportColumn("status", title: "Status"),
            ReportColumn("btc", integer: "sats", title: "BTC on chain", unit: .sats),
            ReportColumn("reason", title: "Reason"),
        ]
        let rows: [[ReportCell]] = lines.map {
            [.text($0.address), .text($0.wallet), $0.line.map { .text(String($0)) } ?? .none, .text($0.status.rawValue),
             .int($0.sats), .text($0.reason)]
        }
        let totalColumns = [
            ReportColumn("measure", title: "Measure"),
            ReportColumn("btc", integer: "sats", title: "BTC", unit: .sats),
        ]
        let totals: [[ReportCell]] = [
            [.text("proven"), .int(provenSats)],
            [.text("unproven"), .int(unprovenSats)],
            [.text("snapshot"), .int(snapshotSats)],
            [.text("ledger"), .int(ledgerSats)],
            [.text("proven_minus_ledger"), .int(provenSats - ledgerSats)],
        ]
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
            parameters: [("snapshot_id", String(snapshotID)), ("height", String(height)), ("best_block", bestBlock ?? ""),
                         ("as_of_date", asOfDate.description), ("challenge", challenge),
                         ("proven_sats", String(provenSats)), ("unproven_sats", String(unprovenSats)),
                         ("ledger_sats", String(ledgerSats))],
            sections: [
                ReportSection(id: "addresses", title: "Attested and funded addresses", columns: columns, rows: rows,
                              total: [.text("Total"), .text(""), .none, .text(""), .int(lines.reduce(0) { $0 + $1.sats }),
                                      .text("")]),
                ReportSection(id: "totals", title: "Totals", columns: totalColumns, rows: totals),
            ],
            passed: covered, findings: findings)
    }
}
