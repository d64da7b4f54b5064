import Bitcoin
import Foundation
import GRDB
import Ledger

extension Importer {
    /// Columns of the reserve transactions CSV: one signed raw transaction per row.
    public static let transactionSchema = CSVSchema(required: ["date", "hex", "purpose", "approval"])

    /// `reserve import transactions FILE`: the reserve's own transactions. Every input must spend an output the
    /// ledger holds; outputs to reserve wallets are transfers or change, others are disbursements (purpose and
    /// approval required); the fee is inputs minus outputs. The natural key is the txid.
    public func importTransactions(csv path: String, options: ImportOptions = ImportOptions()) throws -> ImportOutcome {
        return try run(.transactions, file: Importer.displayName(path), options: options) { session in
            try Importer.eachRecord(session, path: path, Importer.transactionSchema, date: ("date", ISOTimestamp.parse(utf8:))) { r in
                try Importer.bookTransaction(r, session)
            }
        }
    }

    static func bookTransaction(_ r: CSVRecord, _ session: ImportSession) throws -> ImportedRecord {
        let when = try r.parse("date", ISOTimestamp.parse)
        let tx: Transaction
        do { tx = try Transaction(hex: r["hex"] ?? "") } catch { throw r.error("hex", error.description) }
        let purposeText = r["purpose"] ?? ""
        let approvalText = r["approval"] ?? ""
        let purpose = purposeText.isEmpty ? nil : try r.parse("purpose", Identifiers.purpose)
        let approval = approvalText.isEmpty ? nil : try r.parse("approval", Identifiers.reference)
        let txid = tx.txidHex
        let date = session.accountingDate(when)
        let key = "tx:\(txid)"
        let fingerprint = ImportSession.fingerprint("tx", "at=\(when);txid=\(txid);wtxid=\(tx.wtxidHex);purpose=\(purpose ?? "");approval=\(approval ?? "")")
        if try session.check(key: key, fingerprint: fingerprint, line: r.line) == .alreadyBooked {
            return ImportedRecord(line: r.line, key: key, status: .alreadyBooked, date: date.description, description: "transaction \(txid)")
        }
        var inputs: [ReserveSpendEvent.Input] = []
        var spentIDs: [Int64] = []
        var prevouts: [TxOutput] = []
        var spentWallets: [String] = []
        for (i, input) in tx.inputs.enumerated() {
            let held = try session.heldOutput(txid: input.prevout.txidHex, vout: input.prevout.vout, line: r.line, input: i)
            inputs.append(.init(wallet: held.wallet, amount: held.amount))
            spentIDs.append(held.id)
            prevouts.append(TxOutput(value: held.amount, scriptPubKey: held.script))
            spentWallets.append(held.wallet)
        }
        let verified = try Importer.verifySignatures(tx, prevouts: prevouts, allowSighash: session.options.allowsPermissiveSighash,
                                                     line: r.line, session: session)
        var outputs: [ReserveSpendEvent.Output] = []
        var received: [(vout: UInt32, wallet: String, script: [UInt8], amount: Int64)] = []
        for (i, output) in tx.outputs.enumerated() {
            let vout = UInt32(i)
            if let wallet = try session.wallets.wallet(owning: output.scriptPubKey, in: session.writer.db) {
                guard output.value > 0 else { continue }
                outputs.append(.reserve(wallet: wallet, amount: output.value, vout: vout))
                received.append((vout, wallet, output.scriptPubKey, output.value))
            } else if output.value > 0 {
                guard let purpose else {
                    throw r.error("purpose", "output \(i) pays \(MinorUnits.format(output.value, scale: 8)) BTC outside the reserve: a disbursement needs a purpose")
                }
                guard approval != nil else {
                    throw r.error("approval", "output \(i) is a disbursement (\(purpose)) without an approval reference")
                }
                outputs.append(.disbursement(purpose: purpose, amount: output.value, vout: vout))
            }
        }
        let event = ReserveSpendEvent(date: date, inputs: inputs, outputs: outputs, approval: approval)
        guard event.fee >= 0 else {
            throw r.error("hex", "outputs exceed the spent outputs by \(MinorUnits.format(-event.fee, scale: 8)) BTC")
        }
        let postings = try session.valuing(line: r.line, column: "date") { try session.rules.reserveSpend(event) }
        let id = try session.book(line: r.line, key: key, fingerprint: fingerprint, date: date,
                                  narration: "Reserve transaction \(txid)" + (purpose.map { " (\($0))" } ?? ""),
                                  source: "transactions", postings: postings)
        try session.writer.db.execute(sql: """
            INSERT INTO reserve_spend(txn_id, txid, at, hex, purpose, approval, batch) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, txid, when.description, (r["hex"] ?? "").lowercased(), purpose, approval, session.batch])
        try SpendSigners.record(db: session.writer.db, txnID: id, verified: verified, prevouts: prevouts,
                                wallets: spentWallets, batch: session.batch)
        for spent in spentIDs {
            try session.writer.db.execute(sql: """
                UPDATE reserve_output SET spent_by_txid = ?, spent_txn_id = ?, spent_batch = ? WHERE id = ?
                """, arguments: [txid, id, session.batch, spent])
        }
        for o in received {
            try session.recordOutput(txid: txid, vout: o.vout, wallet: o.wallet, script: o.script, amount: o.amount, txnID: id, line: r.line)
        }
        let moved = outputs.map {
            switch $0 {
            case .reserve(let w, let a, _): return "\(MinorUnits.format(a, scale: 8)) to \(ReserveAccounts.reserve(wallet: w))"
            case .disbursement(let p, let a, _): return "\(MinorUnits.format(a, scale: 8)) to \(ReserveAccounts.disbursements(p))"
            }
        }.joined(separator: ", ")
        return ImportedRecord(line: r.line, key: key, status: .new, date: date.description,
                              description: "transaction \(txid): \(moved), fee \(MinorUnits.format(event.fee, scale: 8))")
    }
}

extension Importer {
    /// Every input of `tx` checked against the output it spends (`prevouts`, in input order) by `InputVerifier`: the
    /// first that does not verify, is of a kind that cannot be checked, or (unless `allowSighash`) is signed with a
    /// hash type other than ALL/DEFAULT refuses the record at column `hex`. Returns each input's verification.
    static func verifySignatures(_ tx: Transaction, prevouts: [TxOutput], allowSighash: Bool, line: Int,
                                 session: ImportSession) throws -> [VerifiedInput] {
        var verified: [VerifiedInput] = []
        verified.reserveCapacity(tx.inputs.count)
        for i in tx.inputs.indices {
            switch InputVerifier.verify(tx, inputIndex: i, spent: prevouts[i], prevouts: prevouts) {
            case .valid(let v):
                if !allowSighash, let type = v.permissiveHashTypes.first {
                    throw session.error(line, "hex", "input \(i) is signed with SIGHASH_\(type.name), which lets others change the transaction after signing (book it only with --allow-sighash)")
                }
                verified.append(v)
            case .invalid(let reason):
                throw session.error(line, "hex", "input \(i): invalid signature: \(reason)")
            case .unsupported(let reason):
                throw session.error(line, "hex", "input \(i): unsupported: \(reason); its signature cannot be checked")
            }
        }
        return verified
    }
}

extension ImportSession {
    /// The unspent reserve output `txid:vout`; an output recorded without a vout (F2Pool payout) matches when it
    /// is the only such output of `txid`.
    func heldOutput(txid: String, vout: UInt32, line: Int, input: Int) throws -> (id: Int64, wallet: String, amount: Int64, script: [UInt8]) {
        var row = try Row.fetchOne(writer.db, sql: """
            SELECT id, wallet, amount, spent_by_txid, script_pubkey FROM reserve_output WHERE txid = ? AND vout = ?
            """, arguments: [txid, Int64(vout)])
        if row == nil {
            let open = try Row.fetchAll(writer.db, sql: """
                SELECT id, wallet, amount, spent_by_txid, script_pubkey FROM reserve_output WHERE txid = ? AND vout IS NULL
                """, arguments: [txid])
            if open.count == 1 {
                row = open[0]
                let id: Int64 = open[0][0]
                try writer.db.execute(sql: "UPDATE reserve_output SET vout = ? WHERE id = ?", arguments: [Int64(vout), id])
            } else if open.count > 1 {
                throw error(line, "hex", "input \(input) spends \(txid):\(vout); \(open.count) payouts of that transaction have no vout yet (import a snapshot to match them)")
            }
        }
        guard let row else {
            throw error(line, "hex", "input \(input) spends \(txid):\(vout), which the ledger does not hold (import the payout or transaction that created it first)")
        }
        if let spender: String = row[3] {
            throw error(line, "hex", "input \(input) spends \(txid):\(vout), already spent by transaction \(spender)")
        }
        return (row[0], row[1], row[2], [UInt8](row[4] as Data))
    }
}
