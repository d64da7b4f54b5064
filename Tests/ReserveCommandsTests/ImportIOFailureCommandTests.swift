import Foundation
import Testing

/// I/O failures through the built binary: exit 74, a message saying what failed and that nothing was written,
/// no input line blamed, the ledger unchanged.
@Suite(.serialized) struct ImportIOFailureCommandTests {
    static func payouts(_ n: Int) -> String {
        var text = "paid_at,pool,site,amount_btc,address,txid,vout\n"
        for i in 0..<n { text += "2026-03-\(String(format: "%02d", 1 + i % 28)),f2pool,guddu-1,0.001,\(ImportCommandTests.a0),\(ImportCommandTests.hex(i + 1)),0\n" }
        return text
    }

    @Test func diskFullExits74WithoutBlamingALine() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let csv = try cli.write("p.csv", ImportIOFailureCommandTests.payouts(3_000))
        let before = try ImportCommandTests.settledBytes(db)
        // The test hook caps the file at 1 page: below its size, so any new page fails as on a full disk.
        let full = try cli.run(["import", "payouts", csv, "--db", db], environment: ["RESERVE_TEST_MAX_PAGE_COUNT": "1"])
        #expect(full.status == 74)
        #expect(full.stderr == "error: \(db): cannot write the ledger: database or disk is full\nerror: nothing was written\n")
        #expect(try ImportCommandTests.settledBytes(db) == before)
        #expect(try cli.run(["import", "payouts", csv, "--db", db]).status == 0)
        let undone = try cli.run(["import", "undo", "2", "--db", db], environment: ["RESERVE_TEST_MAX_PAGE_COUNT": "1"])
        #expect(undone.status == 74)
        #expect(undone.stderr == "error: \(db): cannot write the ledger: database or disk is full\nerror: nothing was written\n")
    }

    @Test func unreadableInputsExit74() throws {
        let (cli, db) = try ImportCommandTests.ledger()
        let folder = cli.directory.appendingPathComponent("folder.csv").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let before = try ImportCommandTests.settledBytes(db)
        let directory = try cli.run(["import", "payouts", folder, "--db", db])
        #expect(directory.status == 74)
        #expect(directory.stderr == "error: \(folder): cannot read: it is a directory, not a file\nerror: nothing was written\n")
        let batch = try cli.run(["verify", "ecdsa", folder])
        #expect(batch.status == 74)
        #expect(batch.stderr == "error: \(folder): cannot read: it is a directory, not a file\n")
        #if os(Linux)
        let unreadable = try cli.run(["import", "power", "/proc/self/mem", "--db", db])
        #expect(unreadable.status == 74)
        #expect(unreadable.stderr == "error: /proc/self/mem: read failed: Input/output error\nerror: nothing was written\n")
        #endif
        // Permission denied: root reads any file, so as root the binary runs as nobody (setpriv), on a ledger
        // and folder it may write.
        let csv = try cli.write("secret.csv", ImportIOFailureCommandTests.payouts(1))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: csv)
        let denied: VerifyCLI.Output
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return }
            for path in [cli.directory.path] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path) }
            for name in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) where name.hasPrefix("r.sqlite") {
                try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: cli.directory.appendingPathComponent(name).path)
            }
            denied = try cli.run(executable: setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", VerifyCLI.binary.path,
                                                       "import", "payouts", csv, "--db", db])
        } else {
            denied = try cli.run(["import", "payouts", csv, "--db", db])
        }
        #expect(denied.status == 74)
        #expect(denied.stderr == "error: \(csv): cannot open: Permission denied\nerror: nothing was written\n")
        #expect(try ImportCommandTests.settledBytes(db) == before)
    }
}
