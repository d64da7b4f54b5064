import Crypto
import Foundation

/// The canonical bytes of journal records and the chain hash over them (docs/ledger.md, "Hash chain").
///
/// A record is one or more lines joined by LF (no trailing LF); a line is fields joined by `|`.
/// Text escapes `\` `|` LF CR as `\\` `\|` `\n` `\r`; NULL is `\N`; integers are decimal ASCII.
/// `hash = SHA-256(previous hash || canonical bytes)`; the first record's previous hash is 32 zero bytes.
enum CanonicalForm {
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// Bytes a `Writer` writes into, kept by the ledger writer from booking to booking.
    final class Buffer {
        fileprivate var base: UnsafeMutableRawPointer
        fileprivate var capacity: Int

        init(capacity: Int = 512) {
            self.capacity = capacity
            base = .allocate(byteCount: capacity, alignment: 8)
        }

        deinit { base.deallocate() }

        /// Room for at least `needed` bytes, keeping the first `count`.
        fileprivate func grow(to needed: Int, keeping count: Int) {
            let larger = max(needed, capacity * 2)
            let block = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 8)
            block.copyMemory(from: base, byteCount: count)
            base.deallocate()
            (base, capacity) = (block, larger)
        }
    }

    /// Writes a record's canonical bytes straight into a `Buffer`: one capacity check and one copy per field,
    /// cheaper than growing an array field by field on the booking path.
    struct Writer {
        private let buffer: Buffer
        private var base: UnsafeMutableRawPointer
        private var capacity: Int
        private(set) var count = 0

        init(tag: UInt8) {
            self.init(into: Buffer())
            put(tag)
        }

        /// Starts with `previous` (the chain head's hash) before the record, in a buffer reused across
        /// bookings; hash the result with ``CanonicalForm/chain(prefixed:)``.
        init(tag: UInt8, previous: [UInt8], into buffer: Buffer) {
            self.init(into: buffer)
            previous.withUnsafeBytes { put($0) }
            put(tag)
        }

        private init(into buffer: Buffer) {
            self.buffer = buffer
            base = buffer.base
            capacity = buffer.capacity
        }

        /// The bytes written so far.
        var bytes: [UInt8] { withBytes { Array($0) } }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try body(UnsafeRawBufferPointer(start: base, count: count))
        }

        /// Room for `more` bytes: a comparison, inlined; growing is the rare call.
        @inline(__always)
        private mutating func reserve(_ more: Int) {
            if count + more > capacity { grow(more) }
        }

        @inline(never)
        private mutating func grow(_ more: Int) {
            buffer.grow(to: count + more, keeping: count)
            (base, capacity) = (buffer.base, buffer.capacity)
        }

        private mutating func put(_ byte: UInt8) {
            reserve(1)
            base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
            count += 1
        }

        private mutating func put(_ bytes: UnsafeRawBufferPointer) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            reserve(bytes.count)
            (base + count).copyMemory(from: source, byteCount: bytes.count)
            count += bytes.count
        }

        mutating func newLine(tag: UInt8) {
            put(0x0A)
            put(tag)
        }

        /// `|` and decimal digits (no `String` per integer).
        mutating func int(_ v: Int64) {
            put(0x7C)
            withDecimalDigits(of: v) { put($0) }
        }

        mutating func optionalInt(_ v: Int64?) {
            if let v { int(v) } else { null() }
        }

        /// `|` and the text; text with nothing to escape (the usual case) is copied in one go.
        mutating func text(_ s: String) {
            put(0x7C)
            var s = s
            s.withUTF8 { utf8 in
                guard CanonicalForm.needsEscape(utf8) else {
                    put(UnsafeRawBufferPointer(utf8))
                    return
                }
                for b in utf8 {
                    switch b {
                    case 0x5C: put(0x5C); put(0x5C)
                    case 0x7C: put(0x5C); put(0x7C)
                    case 0x0A: put(0x5C); put(0x6E)
                    case 0x0D: put(0x5C); put(0x72)
                    default: put(b)
                    }
                }
            }
        }

        mutating func optionalText(_ s: String?) {
            if let s { text(s) } else { null() }
        }

        mutating func null() {
            put(0x7C); put(0x5C); put(0x4E)
        }
    }

    /// Whether `utf8` may hold a byte that text escapes (`\\` `|` LF CR), tested eight bytes at a time: every
    /// booking writes a dozen texts, nearly always with nothing to escape. Never false when one is there; other
    /// control characters also answer true, and the byte-by-byte path then writes them unchanged.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(utf8)
        guard raw.count >= 8 else {
            return raw.contains { $0 < 0x0E || $0 | 0x20 == 0x7C }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// A byte below 0x0E (LF, CR and other controls), or one that is `|` or `\` (equal to `|` with bit 0x20 set).
        func suspect(_ x: UInt64) -> Bool {
            let below = (x &- 0x0E &* ones) & ~x & highs
            let y = (x | 0x20 &* ones) ^ (0x7C &* ones)
            return below | ((y &- ones) & ~y & highs) != 0
        }
        var i = 0
        while i + 8 <= raw.count {
            if suspect(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) { return true }
            i += 8
        }
        // The last eight bytes, overlapping those already tested.
        return i < raw.count && suspect(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)))
    }

    /// The chain hash of a writer that started with the previous hash and then wrote the record:
    /// one SHA-256 call, for the booking path (see ``Writer/init(tag:previous:into:)``).
    static func chain(prefixed writer: Writer) -> [UInt8] {
        writer.withBytes { SHA256.hash(data: $0).withUnsafeBytes { Array($0) } }
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

    /// A document: `D|id|date|kind|natural_key|batch|body` (the body escaped like any text field, so one line).
    static func document(id: Int64, date: String, kind: String, naturalKey: String?, batch: Int64?, body: String) -> [UInt8] {
        var w = Writer(tag: UInt8(ascii: "D"))
        w.int(id); w.text(date); w.text(kind); w.optionalText(naturalKey); w.optionalInt(batch); w.text(body)
        return w.bytes
    }
}
