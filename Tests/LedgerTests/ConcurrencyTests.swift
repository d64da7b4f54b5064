import Foundation
import TestSupport
import Testing
@testable import Ledger

/// Other processes booking at once, and a process killed mid-batch (uses the `ledger-stress` helper).
@Suite(.serialized) struct ConcurrencyTests {
    typealias F = LedgerFixtures

    static let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/ledger-stress").path

    /// A ledger with one price, in `directory`; returns its path.
    static func prepared(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("ledger.sqlite")
        let ledger = try LedgerStore.create(at: path, settings: LedgerSettings(), commodities: try F.commodities())
        try ledger.write { try $0.addPrice(date: F.date("2026-03-01"), base: "BTC", quote: "PKR", price: 2_850_000_000) }
        return path
    }

    static func spawn(_ arguments: [String], stdout: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: helper)
        p.arguments = arguments
        if let stdout { p.standardOutput = stdout }
        try p.run()
        return p
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: helper))) func twoProcessesBookingAtOnce() throws {
        let directory = try TemporaryDirectory("concurrent")
        let path = try Self.prepared(in: directory)
        let a = try Self.spawn(["each", path, "A", "150"])
        let b = try Self.spawn(["each", path, "B", "150"])
        // This process books too, meanwhile.
        let ledger = try LedgerStore.open(at: path)
        for i in 0..<50 { try ledger.book(F.mined(Int64(i + 1), on: "2026-03-02", key: "C:\(i)")) }
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let report = try ledger.verify()
        #expect(report.isValid)
        #expect(report.transactions == 350 && report.postings == 700)
        let count = try ledger.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT natural_key) FROM txn") }
        #expect(count == 350)
        let cold = try ledger.balances(BalanceQuery(prefix: "Assets:Reserve:Cold")).map(\.amount)
        // Σ(1000+i) for i < 150, twice (311,350), plus Σ(i+1) for i < 50 (1,275).
        #expect(cold == [323_625])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: helper))) func killedMidBatchLeavesLedgerAsBefore() throws {
        let directory = try TemporaryDirectory("concurrent")
        let path = try Self.prepared(in: directory)
        let ledger = try LedgerStore.open(at: path)
        for i in 0..<10 { try ledger.book(F.mined(Int64(i + 1), on: "2026-03-02", key: "before:\(i)")) }
        let before = try ledger.verify()
        let pipe = Pipe()
        let p = try Self.spawn(["batch", path, "K", "10000000"], stdout: pipe)
        let line = pipe.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("batch started"))
        usleep(200_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        let after = try LedgerStore.open(at: path).verify()
        #expect(after.isValid)
        #expect(after.headHash == before.headHash && after.transactions == 10)
        // And the ledger still takes bookings.
        try ledger.book(F.mined(1, on: "2026-03-02", key: "after"))
        #expect(try ledger.verify().isValid)
    }
}
