import Foundation
@testable import ReserveCommands
import Treasury
import TestSupport
import Testing

/// The small things of issue 15 on the demo ledger: version, did-you-mean, one error style, reversed ranges,
/// stale prices, `report all --require`, messages beginning with a dash, amounts in BTC, tables that fit, CSV
/// sections, progress text.
@Suite(.serialized, .demoLedger) struct EverydayFixesTests {
    static var db: String { get throws { try #require(DemoLedger.current).db } }

    @Test func versionNamesPackageAndSchema() throws {
        let r = try HDCLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "reserve \(ReserveVersion.package) (ledger schema \(BookSchema.migrations.count))\n")
    }

    @Test func didYouMeanForCommandsAndOptions() throws {
        let command = try HDCLI.run(["balanse"])
        #expect(command.status == 64)
        #expect(command.stderr == "error: unknown command 'balanse'\nhint: did you mean reserve balance?\n")
        let sub = try HDCLI.run(["report", "holdigns"])
        #expect(sub.status == 64)
        #expect(sub.stderr.contains("hint: did you mean reserve report holdings?"))
        let option = try HDCLI.run(["balance", "--fromm", "2025-07-01", "--db", try Self.db])
        #expect(option.status == 64)
        #expect(option.stderr.contains("--from"))
        // One style: `error:` and `hint:` lines only, never ArgumentParser's "Error:".
        for r in [command, sub, option, try HDCLI.run(["verify", "message"])] {
            #expect(!r.stderr.contains("Error:"))
            #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("error: ") || $0.hasPrefix("hint: ") }, "\(r.stderr)")
        }
    }

    @Test func suggestionsAreClose() {
        #expect(Suggestions.closest("balanse", in: ["balance", "assert", "init"]) == "balance")
        #expect(Suggestions.closest("--fromm", in: ["--from", "--to", "--at"]) == "--from")
        #expect(Suggestions.closest("rpeort", in: ["report", "revalue", "reverse"]) == "report")
        #expect(Suggestions.closest("zzzzzz", in: ["report", "balance"]) == nil)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }

    @Test func reversedRangesAreUsageErrors() throws {
        let mining = try HDCLI.run(["report", "mining", "--from", "2026-01-01", "--to", "2025-01-01", "--db", try Self.db])
        #expect(mining.status == 64)
        #expect(mining.stderr.hasPrefix("error: --from 2026-01-01 is after --to 2025-01-01\nhint: "))
        #expect(mining.stdout.isEmpty)
        #expect(try HDCLI.run(["balance", "--from", "2026-01-01", "--to", "2025-01-01", "--db", try Self.db]).status == 64)
        #expect(try HDCLI.run(["report", "holdings", "--since", "2026-07-01", "--at", "2026-06-30", "--db", try Self.db]).status == 64)
    }

    @Test func stalePricesAreWarnedAndDated() throws {
        let r = try HDCLI.run(["report", "holdings", "--at", "2030-01-01", "--format", "json", "--db", try Self.db])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: values use the price of 2026-06-30, 1281 days before 2030-01-01"))
        let doc = try ReportCommandTests.json(r.stdout)
        #expect(doc["price_date"] as? String == "2026-06-30")
        #expect(doc["price_stale"] as? Bool == true)
        let fresh = try HDCLI.run(["report", "holdings", "--format", "json", "--db", try Self.db])
        #expect(!fresh.stderr.contains("warning"))
        #expect(try ReportCommandTests.json(fresh.stdout)["price_stale"] as? Bool == false)
        // A wider limit silences it.
        let wide = try HDCLI.run(["report", "holdings", "--at", "2030-01-01", "--max-price-age", "2000", "--db", try Self.db])
        #expect(!wide.stderr.contains("warning"))
    }

    @Test func reportAllListsSkippedReportsAndRequireFails() throws {
        let r = try HDCLI.run(["report", "all", "--format", "json", "--db", try Self.db])
        #expect(r.status == 0)
        let doc = try ReportCommandTests.json(r.stdout)
        let skipped = try #require(doc["skipped"] as? [[String: String]])
        #expect(skipped.map { $0["report"] } == ["reserves"])
        #expect(skipped.first?["reason"]?.contains("--attestations") == true)
        #expect((doc["reports"] as? [[String: Any]])?.compactMap { $0["report"] as? String } == ["holdings", "mining", "mining", "reconcile"])
        let required = try HDCLI.run(["report", "all", "--require", "--format", "json", "--db", try Self.db])
        #expect(required.status == 1)
        #expect(required.stderr.contains("error: reserves was skipped (--require)"))
    }

    @Test func messagesBeginningWithADash() throws {
        let cli = try VerifyCLI()
        let address = "15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs"
        let signature = "IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk="
        // The signature is over "Trust no one"; these must parse and then fail as a wrong message (exit 1), not 64.
        for form in [["--message", "-not signed"], ["--message=-not signed"]] {
            let r = try cli.run(["verify", "message", "--address", address] + form + ["--signature", signature])
            #expect(r.status == 1, "\(form): \(r.stderr)")
        }
        let file = try cli.write("m.txt", "Trust no one")
        let fromFile = try cli.run(["verify", "message", "--address", address, "--message-file", file, "--signature", signature])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let both = try cli.run(["verify", "message", "--address", address, "--message", "x", "--message-file", file, "--signature", signature])
        #expect(both.status == 64)
    }

    @Test func failedAssertionSpeaksBTC() throws {
        let dir = try TemporaryDirectory("assert-btc")
        let copy = dir.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: try Self.db, toPath: copy)
        let r = try HDCLI.run(["assert", "Assets:Reserve:Hot", "1", "BTC", "--date", "2026-06-30", "--db", copy])
        #expect(r.status == 1)
        #expect(r.stderr == "error: balance assertion failed: Assets:Reserve:Hot at end of 2026-06-30: expected 1.00000000 BTC, ledger has 0.64939672 BTC\n")
    }

    @Test func tablesFitTheTerminal() throws {
        let cli = try VerifyCLI()
        let narrow = try cli.run(["report", "mining", "--by", "quarter", "--db", try Self.db], environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(narrow.stdout.contains("more columns: --wide shows all"))
        let wide = try cli.run(["report", "mining", "--by", "quarter", "--wide", "--db", try Self.db], environment: ["COLUMNS": "80"])
        #expect(wide.stdout.contains("sats/TH/day"))
        let picked = try cli.run(["report", "mining", "--columns", "period,site,margin", "--db", try Self.db], environment: ["COLUMNS": "80"])
        let header = try #require(picked.stdout.split(separator: "\n").first { $0.hasPrefix("Period") })
        #expect(header.split(separator: " ", omittingEmptySubsequences: true) == ["Period", "Site", "Margin"])
        // balance: human labels, separators, numbers right-aligned, a total row, no raw minor units, no colour off a terminal.
        let balance = try cli.run(["balance", "Assets:Reserve", "--db", try Self.db], environment: ["COLUMNS": "200"])
        #expect(balance.stdout == """
            Account              Commodity        Amount             Value
            -------------------  ---------  ------------  ----------------
            Assets:Reserve:Cold  BTC        156.98983888  4,380,915,920.61
            Assets:Reserve:Hot   BTC          0.64939672     26,349,649.93
            -------------------  ---------  ------------  ----------------
            Total                BTC        157.63923560  4,407,265,570.54

            """)
        #expect(!balance.stdout.contains("\u{1B}["))
    }

    @Test func csvSectionsAreOneTable() throws {
        let all = try HDCLI.run(["report", "holdings", "--format", "csv", "--db", try Self.db])
        #expect(all.stdout.hasPrefix("section,total,account,"))
        #expect(!all.stdout.contains("\n\n"))
        let one = try HDCLI.run(["report", "holdings", "--section", "wallets", "--format", "csv", "--db", try Self.db])
        #expect(one.stdout.hasPrefix("total,account,btc_sats,btc,"))
        #expect(one.stdout.split(separator: "\n").count == 4)
        let bad = try HDCLI.run(["report", "holdings", "--section", "wallet", "--db", try Self.db])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("hint: sections are wallets, receivables, movement, movement_receivable"))
    }

    @Test func progressLineCountsRecordsRateAndTimeLeft() {
        #expect(Progress.line(read: 6_000_000, total: 18_000_000, records: 120_000, elapsed: 3)
                == "importing: 120,000 records, 40,000/s, 33% of 18 MB, about 6 s left")
        #expect(Progress.line(read: 5_000, total: nil, records: 10, elapsed: 0.1) == "importing: 10 records, 5000 bytes read")
        #expect(ElapsedText.text(150) == "3 min")
    }
}
