import Ledger

/// The page's checks, kept together after mining: the ledger against the chain snapshot, then the proof of reserves
/// by signed messages; and at the end the detail rows (months, outputs, addresses) folded under `<details>`.
extension HTMLReport {
    /// "amount_differs" → "amount differs", first letter upper-cased.
    func humanStatus(_ raw: String) -> String {
        let words = raw.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func verdict(_ passed: Bool, _ good: String, _ bad: String, findings: [String]) -> String {
        var out = "<p class=\"verdict \(passed ? "good" : "bad")\">" + HTMLText.escape(passed ? good : bad) + "</p>"
        if !findings.isEmpty { out += "<ul class=\"findings\">" + findings.map { "<li>" + HTMLText.escape($0) + "</li>" }.joined() + "</ul>" }
        return out
    }

    func checksSection() -> String {
        guard reconciliation != nil || reserves != nil else { return "" }
        var out = "<section class=\"part\" id=\"checks\"><h2>Checked against the chain and by signatures</h2>"
        if let r = reconciliation {
            let block = MinorUnits.format(r.height, scale: 0, grouping: ",")
            out += "<h3>Reconciliation with the chain snapshot at block \(block)</h3>"
            out += "<p class=\"params\"><span><b>Snapshot taken</b> \(HTMLText.escape(r.asOf))</span>"
                + "<span><b>Ledger through</b> \(r.asOfDate)</span><span><b>Snapshot number</b> \(r.snapshotID)</span></p>"
            if let best = r.bestBlock, !best.isEmpty {
                out += "<p class=\"hash\"><b>Block hash</b> <code>\(HTMLText.escape(best))</code></p>"
            }
            out += verdict(r.matches, "Every output in the ledger is unspent on chain with the same amount, and nothing else is.",
                           "The ledger does not match the chain:", findings: r.document().findings)
            let sum = r.wallets.reduce((Int64(0), Int64(0), Int64(0), Int64(0))) {
                ($0.0 + $1.ledgerSats, $0.1 + $1.chainSats, $0.2 + $1.outputsMatched, $0.3 + $1.outputsDiffering)
            }
            out += HTMLTable(columns: [.text("Wallet"), .number("In the ledger (BTC)"), .number("On chain (BTC)"),
                                       .number("Difference (BTC)"), .number("Outputs matched"), .number("Outputs differing")],
                             rows: r.wallets.map { [$0.wallet, btc($0.ledgerSats), btc($0.chainSats), btc($0.difference),
                                                    String($0.outputsMatched), String($0.outputsDiffering)] },
                             total: ["Total", btc(sum.0), btc(sum.1), btc(sum.0 - sum.1), String(sum.2), String(sum.3)],
                             note: "Each output is listed under “Details” at the end.",
                             caption: "Ledger against chain, per wallet").render()
        }
        if let p = reserves {
            out += "<h3>Proof of reserves at block \(MinorUnits.format(p.height, scale: 0, grouping: ","))</h3>"
            out += "<p class=\"params\"><span><b>Challenge every signature must contain</b> “\(HTMLText.escape(p.challenge))”</span></p>"
            out += verdict(p.covered, "Signatures prove at least what the ledger holds.",
                           "Signatures prove less than the ledger holds:", findings: p.document().findings)
            out += HTMLTable(columns: [.text("Measure"), .number("BTC")], rows: [
                ["Proven by a valid signature", btc(p.provenSats)],
                ["On reserve addresses, not proven", btc(p.unprovenSats)],
                ["On chain at the snapshot (reserve addresses)", btc(p.snapshotSats)],
                ["In the ledger", btc(p.ledgerSats)],
            ], total: ["Proven minus ledger", (p.provenSats - p.ledgerSats == 0 ? "" : (p.provenSats >= p.ledgerSats ? "+" : "")) + btc(p.provenSats - p.ledgerSats)],
               note: "Each address and its verdict is listed under “Details” at the end.",
               caption: "Proof of reserves, totals").render()
        }
        return out + "</section>"
    }

    func detailsSection() -> String {
        var parts = ""
        if let m = mining {
            parts += "<details><summary>Every \(m.grouping == .month ? "month" : "period") and site (\(m.lines.count) rows)</summary>"
                + documentTable(m.document(), keys: HTMLReport.monthlyKeys)
                + "</details>"
        }
        if let r = reconciliation {
            parts += "<details><summary>Every output in the chain snapshot (\(r.outputs.count))</summary>"
                + HTMLTable(columns: [.text("Output (transaction id : index)", breaks: true), .text("Wallet"), .text("Status"),
                                      .number("Ledger BTC"), .number("Chain BTC"), .number("Difference")],
                            rows: r.outputs.map { o in
                                [o.txid + ":" + (o.vout.map(String.init) ?? "?"), o.wallet, humanStatus(o.status.rawValue),
                                 btc(o.ledgerSats), btc(o.chainSats), btc(o.ledgerSats - o.chainSats)]
                            },
                            total: ["Total", "", "", btc(r.outputs.reduce(0) { $0 + $1.ledgerSats }),
                                    btc(r.outputs.reduce(0) { $0 + $1.chainSats }),
                                    btc(r.outputs.reduce(0) { $0 + $1.ledgerSats - $1.chainSats })],
                            caption: "Outputs, ledger against chain").render()
                + "</details>"
        }
        if let p = reserves {
            parts += "<details><summary>Every attested or funded address (\(p.lines.count))</summary>"
                + HTMLTable(columns: [.text("Address", breaks: true), .text("Wallet"), .text("Status"), .number("BTC on chain")],
                             rows: p.lines.map { [$0.address, $0.wallet, humanStatus($0.status.rawValue) + ($0.reason.isEmpty ? "" : ": " + $0.reason), btc($0.sats)] },
                             total: ["Total", "", "", btc(p.lines.reduce(0) { $0 + $1.sats })],
                             caption: "Attested and funded addresses").render() + "</details>"
        }
        return parts.isEmpty ? "" : "<section class=\"part details\" id=\"details\"><h2>Details</h2>" + parts + "</section>"
    }
}
