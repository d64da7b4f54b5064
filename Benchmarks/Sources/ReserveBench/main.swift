import Foundation

// `reserve-bench [NAME…]`: runs the named benchmark groups (all when none), release build only.
let groups: [(String, () throws -> Void)] = [
    ("address", addressBench),
    ("ledger", ledgerBench),
    ("sigs", sigsBench),
    ("hd", hdBench),
    ("imports", importBench),
    ("reports", reportBench),
]

/// BENCH_PROFILE=1: only our own work, once, with no child processes (for `valgrind --tool=callgrind`).
let profiling = ProcessInfo.processInfo.environment["BENCH_PROFILE"] == "1"

let wanted = Set(CommandLine.arguments.dropFirst())
for (name, run) in groups where wanted.isEmpty || wanted.contains(name) {
    print("== \(name)")
    try run()
}
