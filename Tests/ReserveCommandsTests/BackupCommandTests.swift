import Foundation
import GRDB
import Ledger
import TestSupport
import Testing
import Treasury

/// `reserve backup DEST`: a copy taken while another connection writes holds exactly the committed state and
/// verifies; an existing DEST, a missing directory or a non-ledger are refused, leaving nothing behind.
@Suite(.serialized) struct BackupCommandTests {
    /// The `--format jsonl` record of a `backup` or `verify ledger` run.
    static func record(_ out: VerifyCLI.Output) throws -> [String: Any] {
        let line = try #require(out.lines.first, "no output: \(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func draft(_ date: String, _ sats: Int64) throws -> TransactionDraft {
        TransactionDraft(date: try LedgerDate(date), narration: "payout \(sats)", postings: [
            PostingDraft("Assets:Reserve:Cold", "BTC", sats),
            PostingDraft("Income:Mining:Hydro", "BTC", -sats, value: .balancing)])
    }

    /// Files beside the copy a backup may leave: none once it has finished.
    static func leftovers(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".backup-") }
    }

    @Test func aBackupDuringAnOpenWriteHoldsTheCommittedStateAndVerifies() throws {
        let cli = try VerifyCLI()
        let path = try OpenPathCommandTests.booked(cli)
        let writer = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
        try writer.write { w in try w.book(try Self.draft("2026-03-03", 500)) }
        let committed = try Self.record(try cli.run(["verify", "ledger", "--format", "jsonl", "--db", path]))
        #expect(committed["transactions_count"] as? Int == 2)

        let copy = cli.directory.appendingPathComponent("copy.sqlite").path
        var during: VerifyCLI.Output?
        // A second connection holds an open write transaction with a booking in it while the copy is taken.
        try writer.write { w in
            try w.book(try Self.draft("2026-03-04", 777))
            during = try cli.run(["backup", copy, "--format", "jsonl", "--db", path])
        }
        let out = try #require(during)
        #expect(out.status == 0, "\(out.stderr)")
        let backup = try Self.record(out)
        #expect(backup["backup"] as? String == copy)
        #expect(backup["valid"] as? Bool == true)
        #expect(backup["head_hash"] as? String == committed["head_hash"] as? String)
        #expect(backup["head_id"] as? Int == committed["head_id"] as? Int)
        #expect(backup["transactions_count"] as? Int == 2)
        #expect(backup["postings_count"] as? Int == 4)
        #expect(backup["prices_count"] as? Int == 1)
        #expect(try Self.leftovers(cli.directory).isEmpty)

        // The source went on to commit the third booking; the copy did not see it and verifies on its own.
        let source = try Self.record(try cli.run(["verify", "ledger", "--format", "jsonl", "--db", path]))
        #expect(source["transactions_count"] as? Int == 3)
        let head = try #require(committed["head_hash"] as? String)
        let check = try cli.run(["verify", "ledger", "--expect-head", head, "--format", "jsonl", "--db", copy])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try Self.record(check)["transactions_count"] as? Int == 2)
        // The copy is the committed ledger: the same balance, 12,345 + 500 sats.
        #expect(try cli.run(["balance", "Assets", "--db", copy]).stdout.contains("12845"))

        // Restore: the copy over the ledger file, then verify against the head the backup printed.
        let restored = cli.directory.appendingPathComponent("restored.sqlite").path
        try FileManager.default.copyItem(atPath: copy, toPath: restored)
        #expect(try cli.run(["verify", "ledger", "--expect-head", head, "--db", restored]).status == 0)
    }

    @Test func anExistingDestinationIsRefusedAndKept() throws {
        let cli = try VerifyCLI()
        let path = try OpenPathCommandTests.booked(cli)
        let dest = try cli.write("taken.sqlite", "not mine")
        let out = try cli.run(["backup", dest, "--db", path])
        #expect(out.status == 74)
        #expect(out.stderr == "error: \(dest): a file already exists; refusing to overwrite it\n")
        #expect(try String(contentsOfFile: dest, encoding: .utf8) == "not mine")
        // The ledger itself is an existing file too.
        #expect(try cli.run(["backup", path, "--db", path]).status == 74)
        #expect(try Self.leftovers(cli.directory).isEmpty)
    }

    @Test func ioFailuresExit74AndLeaveNothing() throws {
        let cli = try VerifyCLI()
        let path = try OpenPathCommandTests.booked(cli)
        let missing = cli.directory.appendingPathComponent("no-such-dir/copy.sqlite").path
        let out = try cli.run(["backup", missing, "--db", path])
        #expect(out.status == 74)
        #expect(out.stderr.hasPrefix("error: database error: \(missing): cannot write the backup ("), "\(out.stderr)")
        #expect(out.stderr.hasSuffix("nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        // A source that is not a ledger.
        let junk = try cli.write("junk.sqlite", "hello")
        let bad = try cli.run(["backup", cli.directory.appendingPathComponent("j.sqlite").path, "--db", junk])
        #expect(bad.status == 74)
        #expect(bad.stderr.contains("not a ledger"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("j.sqlite").path))
        #expect(try Self.leftovers(cli.directory).isEmpty)
    }

    /// A backup of a read-only ledger (immutable open) reads only; the copy is writable like any ledger.
    @Test func aBackupOfACheckpointedLedgerLeavesItUntouched() throws {
        let cli = try VerifyCLI()
        let path = try OpenPathCommandTests.booked(cli)
        let before = try OpenPathCommandTests.Fingerprint(path)
        let copy = cli.directory.appendingPathComponent("c.sqlite").path
        #expect(try cli.run(["backup", copy, "--db", path]).status == 0)
        #expect(try OpenPathCommandTests.Fingerprint(path).bytes == before.bytes)
        #expect(try cli.run(["pool", "add", "f2pool", "--basis", "cash", "--db", copy]).status == 0)
        #expect(try cli.run(["verify", "ledger", "--db", copy]).status == 0)
    }
}
