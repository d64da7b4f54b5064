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

        /// Starts with `previous` (the chain head's hash) before the record, in a buffer reused across
        /// bookings; hash the result with ``CanonicalForm/chain(prefixed:)``.
        init(tag: UInt8, previous: [UInt8], reusing buffer: inout [UInt8]) {
            swap(&bytes, &buffer)
            bytes.removeAll(keepingCapacity: true)
            bytes.reserveCapacity(256)
            bytes.append(contentsOf: previous)
            bytes.append(tag)
        }

        mutating func newLine(tag: UInt8) {
            bytes.append(0x0A)
            bytes.append(tag)
        }

        /// Decimal digits formed in a stack buffer and appended in one copy (no `String` per integer).
        mutating func int(_ v: Int64) {
            var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &scratch) { buffer in
                var i = buffer.count
                var m = v.magnitude
                repeat {
                    i -= 1
                    buffer[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                    m /= 10
                } while m > 0
                if v < 0 { i -= 1; buffer[i] = 0x2D }
                i -= 1
                buffer[i] = 0x7C
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
            }
        }

        mutating func optionalInt(_ v: Int64?) {
            if let v { int(v) } else { null() }
        }

        /// Text with nothing to escape (the usual case) is copied in one append.
        mutating func text(_ s: String) {
            bytes.append(0x7C)
            var s = s
            s.withUTF8 { utf8 in
                guard CanonicalForm.needsEscape(utf8) else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                for b in utf8 {
                    switch b {
                    case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                    case 0x7C: bytes.append(0x5C); bytes.append(0x7C)
                    case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                    case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                    default: bytes.append(b)
                    }
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

    /// Whether `utf8` holds a byte that text escapes (`\\` `|` LF CR), tested eight bytes at a time: every
    /// booking writes a dozen texts, nearly always with nothing to escape.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// Nonzero when a byte of `x` equals the byte repeated in `pattern` (exact: no false positives).
        func hasByte(_ x: UInt64, _ pattern: UInt64) -> UInt64 {
            let y = x ^ pattern
            return (y &- ones) & ~y & highs
        }
        let raw = UnsafeRawBufferPointer(utf8)
        var i = 0
        while i + 8 <= raw.count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if hasByte(x, 0x5C &* ones) | hasByte(x, 0x7C &* ones) | hasByte(x, 0x0A &* ones) | hasByte(x, 0x0D &* ones) != 0 {
                return true
            }
            i += 8
        }
        while i < raw.count {
            let b = raw[i]
            if b == 0x5C || b == 0x7C || b == 0x0A || b == 0x0D { return true }
            i += 1
        }
        return false
    }

    /// The chain hash over a buffer that already holds the previous hash followed by the record:
    /// one SHA-256 call, for the booking path (see ``Writer/init(tag:previous:reusing:)``).
    static func chain(prefixed buffer: [UInt8]) -> [UInt8] {
        SHA256.hash(data: buffer).withUnsafeBytes { Array($0) }
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
