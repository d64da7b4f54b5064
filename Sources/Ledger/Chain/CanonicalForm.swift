import Crypto
import Foundation

/// The canonical bytes of journal records and the chain hash over them (docs/ledger.md, "Hash chain").
///
/// A record is one or more lines joined by LF (no trailing LF); a line is fields joined by `|`.
/// Text escapes `\` `|` LF CR as `\\` `\|` `\n` `\r`; NULL is `\N`; integers are decimal ASCII.
/// `hash = SHA-256(previous hash || canonical bytes)`; the first record's previous hash is 32 zero bytes.
enum CanonicalForm {
    static let genesis = [UInt8](repeating: 0, count: 32)

    struct Writer {
        var bytes: [UInt8] = []

        init(tag: UInt8) {
            bytes.reserveCapacity(256)
            bytes.append(tag)
        }

        mutating func newLine(tag: UInt8) {
            bytes.append(0x0A)
            bytes.append(tag)
        }

        mutating func int(_ v: Int64) {
            bytes.append(0x7C)
            bytes.append(contentsOf: String(v).utf8)
        }

        mutating func optionalInt(_ v: Int64?) {
            if let v { int(v) } else { null() }
        }

        mutating func text(_ s: String) {
            bytes.append(0x7C)
            for b in s.utf8 {
                switch b {
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x7C: bytes.append(0x5C); bytes.append(0x7C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                default: bytes.append(b)
                }
            }
        }

        mutating func optionalText(_ s: String?) {
            if let s { text(s) } else { null() }
        }

        mutating func null() {
            bytes.append(0x7C); bytes.append(0x5C); bytes.append(0x4E)
        }
    }

    static func chain(previous: [UInt8], record: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: record)
        return Array(hasher.finalize())
    }

    struct PostingFields {
        let line: Int64
        let account: String
        let commodity: String
        let amount: Int64
        let value: Int64
        let metadata: String?
    }

    static func transaction(id: Int64, date: String, narration: String, source: String?, naturalKey: String?,
                            reverses: Int64?, batch: Int64?, metadata: String?, postings: [PostingFields]) -> [UInt8] {
        var w = Writer(tag: UInt8(ascii: "T"))
        w.int(id); w.text(date); w.text(narration); w.optionalText(source); w.optionalText(naturalKey)
        w.optionalInt(reverses); w.optionalInt(batch); w.optionalText(metadata)
        for p in postings {
            w.newLine(tag: UInt8(ascii: "P"))
            w.int(p.line); w.text(p.account); w.text(p.commodity); w.int(p.amount); w.int(p.value)
            w.optionalText(p.metadata)
        }
        return w.bytes
    }

    static func price(id: Int64, date: String, base: String, quote: String, price: Int64, source: String?,
                      batch: Int64?) -> [UInt8] {
        var w = Writer(tag: UInt8(ascii: "R"))
        w.int(id); w.text(date); w.text(base); w.text(quote); w.int(price); w.optionalText(source); w.optionalInt(batch)
        return w.bytes
    }

    static func assertion(id: Int64, date: String, account: String, commodity: String, amount: Int64) -> [UInt8] {
        var w = Writer(tag: UInt8(ascii: "A"))
        w.int(id); w.text(date); w.text(account); w.text(commodity); w.int(amount)
        return w.bytes
    }
}
