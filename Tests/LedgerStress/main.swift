// `ledger-stress`: a helper the LedgerTests spawn to book from another process.
//   ledger-stress each PATH PREFIX COUNT   books COUNT transactions, one SQLite transaction each
//   ledger-stress batch PATH PREFIX COUNT  books COUNT transactions in one SQLite transaction,
//                                          printing "batch started" once the batch is under way
import Foundation
import Ledger

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[4]), ["each", "batch"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: ledger-stress each|batch PATH PREFIX COUNT\n".utf8))
    exit(64)
}
let (mode, path, prefix) = (arguments[1], arguments[2], arguments[3])

func draft(_ i: Int) throws -> TransactionDraft {
    TransactionDraft(date: try LedgerDate("2026-03-02"), narration: "\(prefix) \(i)", postings: [
        PostingDraft("Assets:Reserve:Cold", "BTC", Int64(1_000 + i)),
        PostingDraft("Income:Mining:Site-\(prefix)", "BTC", -Int64(1_000 + i), value: .balancing),
    ], source: "stress", naturalKey: "\(prefix):\(i)")
}

do {
    let ledger = try LedgerStore.open(at: path)
    if mode == "each" {
        for i in 0..<count { try ledger.book(try draft(i)) }
    } else {
        try ledger.write { w in
            for i in 0..<count {
                try w.book(try draft(i))
                if i == 1_000 {
                    FileHandle.standardOutput.write(Data("batch started\n".utf8))
                }
            }
        }
    }
    print("done")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
