import Foundation
import GRDB
import Ledger
import TestSupport
import Testing
import Treasury

/// The one open path through the binary: read commands never write (and read a read-only copy), an older ledger
/// is refused by readers and upgraded by writers or `reserve upgrade`, a busy ledger is reported with the writer's
/// pid, and a killed `init` leaves no ledger or a complete one.
@Suite(.serialized) struct OpenPathCommandTests {
    /// Every read command, each with the arguments it needs after `--db PATH`.
    static let readCommands: [[String]] = [
        ["balance"], ["verify", "ledger"], ["account", "list"], ["wallet", "list"],
        ["export", "journal", "--to", "hledger"], ["report", "holdings"], ["report", "mining"],
    ]

    /// What a read must not change: the ledger's bytes and modification time, and the directory's entries.
    struct Fingerprint: Equatable {
        let bytes: Data
        let modified: Date?
        let entries: [String]

        init(_ path: String) throws {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            entries = try FileManager.default.contentsOfDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path).sorted()
        }
    }

    /// A ledger made by `reserve init` with a wallet, a price and a payout: returns its path.
    static func booked(_ cli: VerifyCLI) throws -> String {
        let path = cli.directory.appendingPathComponent("reserve.sqlite").path
        #expect(try cli.run(["init", "--currency", "PKR", "--db", path]).status == 0)
        #expect(try cli.run(["wallet", "add", "cold", "--descriptor", WalletCommandTests.zpub, "--gap-limit", "2", "--db", path]).status == 0)
        let store = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
        try store.write { w in
            try w.addPrice(date: try LedgerDate("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000)
            try w.book(TransactionDraft(date: try LedgerDate("2026-03-02"), narration: "payout", postings: [
                PostingDraft("Assets:Reserve:Cold", "BTC", 12_345),
                PostingDraft("Income:Mining:Hydro", "BTC", -12_345, value: .balancing)]))
        }
        return path
    }

    @Test func readCommandsWriteNothing() throws {
        let cli = try VerifyCLI()
        let path = try Self.booked(cli)
        let before = try Fingerprint(path)
        for command in Self.readCommands {
            let out = try cli.run(command + ["--db", path])
            #expect(out.status != 74, "\(command): \(out.stderr)")
            #expect(try Fingerprint(path) == before, "\(command) changed the ledger or left a file beside it")
        }
        #expect(try cli.run(["balance", "--db", path]).stdout.contains("12345"))
    }

    @Test func anOlderLedgerIsRefusedByReadersAndUpgradedByAWriter() throws {
        let cli = try VerifyCLI()
        let path = cli.directory.appendingPathComponent("old.sqlite").path
        // A ledger made by a version that had only the Ledger module's migrations.
        _ = try LedgerStore.create(at: path, settings: LedgerSettings(functionalCurrency: "PKR"),
                                   commodities: [try Commodity("PKR", scale: 2), try Commodity("BTC", scale: 8)])
        let (old, all) = (LedgerSchema.migrations.count, BookSchema.migrations.count)
        let before = try Fingerprint(path)
        for command in Self.readCommands {
            let out = try cli.run(command + ["--db", path])
            #expect(out.status == 74, "\(command)")
            #expect(out.stderr.contains("\(path): this ledger needs an upgrade: run reserve upgrade (schema \(old) to \(all);"),
                    "\(command): \(out.stderr)")
            #expect(try Fingerprint(path) == before)
        }
        let copy = cli.directory.appendingPathComponent("old-copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)

        // The first writing command upgrades, once, and says so.
        let add = try cli.run(["pool", "add", "f2pool", "--basis", "accrual", "--db", path])
        #expect(add.status == 0)
        #expect(add.stderr == "upgraded ledger \(path) from schema \(old) to \(all)\n")
        let again = try cli.run(["pool", "add", "luxor", "--basis", "cash", "--db", path])
        #expect(again.status == 0 && again.stderr.isEmpty)
        #expect(try cli.run(["balance", "--db", path]).status == 0)

        // `reserve upgrade` does only that.
        let upgrade = try cli.run(["upgrade", "--db", copy])
        #expect(upgrade.status == 0)
        #expect(upgrade.stdout == "\(copy): upgraded from schema \(old) to \(all)\n")
        #expect(try cli.run(["upgrade", "--db", copy]).stdout == "\(copy): already at schema \(all); nothing to do\n")
        #expect(try cli.run(["verify", "ledger", "--db", copy]).status == 0)
    }

    @Test func aSecondWriterWaitsThenNamesTheFirst() throws {
        let cli = try VerifyCLI()
        let path = try Self.booked(cli)
        let holder = try LedgerStore.open(at: path, migrations: BookSchema.migrations)
        try holder.write { _ in
            let start = Date()
            let out = try cli.run(["pool", "add", "f2pool", "--basis", "accrual", "--wait", "1", "--db", path])
            let elapsed = Date().timeIntervalSince(start)
            #expect(out.status == 74)
            #expect(out.stderr == "error: \(path): another process is writing this ledger (pid \(getpid())); gave up after waiting 1 s\n")
            #expect(!out.stderr.contains("database is locked"))
            #expect(elapsed >= 0.9 && elapsed < 10)
            // Readers do not wait for a writer.
            let reader = try cli.run(["balance", "--db", path, "--wait", "0"])
            #expect(reader.status == 0)
        }
        #expect(try cli.run(["pool", "add", "f2pool", "--basis", "accrual", "--wait", "1", "--db", path]).status == 0)
        #expect(try cli.run(["balance", "--db", path, "--wait", "-1"]).status == 64)
    }

    static var canDropToNobody: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// An auditor's copy: mode 444, owned by root, in a directory nobody may write, read as `nobody`.
    @Test(.enabled(if: canDropToNobody)) func aReadOnlyCopyOfAnotherUserReads() throws {
        let cli = try VerifyCLI()
        let path = try Self.booked(cli)
        let shelf = cli.directory.appendingPathComponent("shelf")
        try FileManager.default.createDirectory(at: shelf, withIntermediateDirectories: false)
        let copy = shelf.appendingPathComponent("audit.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: shelf.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shelf.path) }
        let before = try Fingerprint(copy)
        let asNobody = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", VerifyCLI.binary.path]
        for command in Self.readCommands {
            let out = try Self.run(asNobody + command + ["--db", copy], in: shelf)
            #expect(out.status != 74, "\(command): \(out.stderr)")
            #expect(try Fingerprint(copy) == before)
        }
        let write = try Self.run(asNobody + ["pool", "add", "f2pool", "--basis", "cash", "--db", copy], in: shelf)
        #expect(write.status == 74)
        #expect(write.stderr.contains("cannot write to this ledger"))
    }

    /// `reserve init` killed at points through its run: the target is absent or a complete ledger, never a dead file.
    @Test func aKilledInitLeavesNoLedgerOrAWholeOne() throws {
        let cli = try VerifyCLI()
        let path = cli.directory.appendingPathComponent("k.sqlite").path
        var outcomes: Set<Bool> = []
        for delay in [0, 2, 5, 10, 15, 20, 30, 45, 60, 90, 150] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let p = Process()
            p.executableURL = VerifyCLI.binary
            p.arguments = ["init", "--db", path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(useconds_t(delay * 1000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let exists = FileManager.default.fileExists(atPath: path)
            outcomes.insert(exists)
            if exists {
                let store = try LedgerStore.open(at: path, mode: .read, migrations: BookSchema.migrations)
                #expect(try store.verify().isValid)
            }
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        // The next init succeeds and removes what a killed one left.
        #expect(try cli.run(["init", "--db", path]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".init-") }
        #expect(left.isEmpty)
        #expect(try cli.run(["init", "--db", path]).status == 74)
    }

    static func run(_ arguments: [String], in directory: URL) throws -> VerifyCLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return VerifyCLI.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr, as: UTF8.self))
    }
}
