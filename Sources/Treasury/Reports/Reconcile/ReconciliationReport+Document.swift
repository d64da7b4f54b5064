/// The reconciliation report as tables (field names in docs/reports.md).
extension ReconciliationReport {
    public func document() -> ReportDocument {
        let walletColumns = [
            ReportColumn("wallet", title: "Wallet"),
            ReportColumn("ledger", integer: "ledger_sats", title: "Ledger BTC", unit: .sats),
            ReportColumn("chain", integer: "chain_sats", title: "Chain BTC", unit: .sats),
            ReportColumn("difference", integer: "difference_sats", title: "Difference", unit: .sats),
            ReportColumn.count("outputs_matched_count", title: "Matched"),
            ReportColumn.count("outputs_differing_count", title: "Differing"),
        ]
        let outputColumns = [
            ReportColumn("outpoint", title: "Output"),
            ReportColumn("wallet", title: "Wallet"),
            ReportColumn("status", title: "Status"),
            ReportColumn("ledger", integer: "ledger_sats", title: "Ledger BTC", unit: .sats),
            ReportColumn("chain", integer: "chain_sats", title: "Chain BTC", unit: .sats),
            ReportColumn("difference", integer: "difference_sats", title: "Difference", unit: .sats),
        ]
        func walletRow(_ w: WalletLine) -> [ReportCell] {
            [.text(w.wallet), .int(w.ledgerSats), .int(w.chainSats), .int(w.difference), .int(w.outputsMatched),
             .int(w.outputsDiffering)]
        }
        let sum = wallets.reduce(into: WalletLine(wallet: "Total", ledgerSats: 0, chainSats: 0, outputsMatched: 0,
                                                  outputsDiffering: 0)) {
            $0.ledgerSats += $1.ledgerSats
            $0.chainSats += $1.chainSats
            $0.outputsMatched += $1.outputsMatched
            $0.outputsDiffering += $1.outputsDiffering
        }
        let outputRows: [[ReportCell]] = outputs.map { o in
            [.text(o.txid + ":" + (o.vout.map(String.init) ?? "?")), .text(o.wallet), .text(o.status.rawValue),
             .int(o.ledgerSats), .int(o.chainSats), .int(o.ledgerSats - o.chainSats)]
        }
        let outputTotal: [ReportCell] = [.text("Total"), .text(""), .text(""),
                                         .int(outputs.reduce(0) { $0 + $1.ledgerSats }),
                                         .int(outputs.reduce(0) { $0 + $1.chainSats }),
                                         .int(outputs.reduce(0) { $0 + $1.ledgerSats - $1.chainSats })]
        var findings: [String] = []
        for w in wallets where w.difference != 0 {
            findings.append("wallet \(w.wallet): ledger \(ReportFormat.text(.int(w.ledgerSats), .sats, grouped: false)) BTC, "
                            + "chain \(ReportFormat.text(.int(w.chainSats), .sats, grouped: false)) BTC")
        }
        for status in Status.allCases where status != .matched {
            let n = outputs.filter { $0.status == status }.count
            if n > 0 { findings.append("\(n) output(s) \(status.rawValue)") }
        }
        return ReportDocument(
            name: "reconcile", title: "Reconciliation with chain snapshot \(snapshotID) (through \(asOfDate))",
            parameters: [("snapshot_id", .int(snapshotID)), ("as_of", .text(asOf)), ("as_of_date", .text(asOfDate.description)),
                         ("height", .int(height)), ("best_block", bestBlock.map { .text($0) } ?? .null)],
            sections: [
                ReportSection(id: "wallets", title: "Per wallet", columns: walletColumns, rows: wallets.map(walletRow),
                              total: walletRow(sum)),
                ReportSection(id: "outputs", title: "Per output", columns: outputColumns, rows: outputRows, total: outputTotal),
            ],
            passed: matches, findings: findings)
    }
}
