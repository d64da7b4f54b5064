import Foundation

/// A strict RFC 8259 JSON reader that keeps number tokens as text and records each value's line.
///
/// Files are read whole, up to `maxBytes`; pool API exports and Bitcoin Core snapshots are far smaller.
/// Duplicate object keys, trailing commas, comments and anything after the top-level value are errors.
public struct JSONReader {
    /// Largest JSON input accepted (64 MiB).
    public static let maxBytes = 64 << 20
    /// Deepest nesting accepted.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private let file: String
    private var pos = 0
    private var line = 1

    /// Parses `bytes` (UTF-8, optional BOM) as one JSON document.
    public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> JSONNode {
        var reader = JSONReader(bytes: bytes, file: file)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.pos = 3 }
        reader.skipSpace()
        guard reader.pos < bytes.count else { throw reader.error("empty input: a JSON document is expected") }
        let root = try reader.value(path: "$", depth: 0)
        reader.skipSpace()
        guard reader.pos == bytes.count else { throw reader.error("unexpected data after the JSON document") }
        return root
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func error(_ message: String, path: String? = nil) -> InputError {
        InputError(file: file, line: line, column: path, message: message)
    }

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A: pos += 1; line += 1
            default: return
            }
        }
    }

    private mutating func value(path: String, depth: Int) throws(InputError) -> JSONNode {
        guard depth < JSONReader.maxDepth else { throw error("nesting deeper than \(JSONReader.maxDepth) levels", path: path) }
        skipSpace()
        guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
        let start = line
        switch bytes[pos] {
        case UInt8(ascii: "{"): return JSONNode(line: start, path: path, value: try object(path: path, depth: depth))
        case UInt8(ascii: "["): return JSONNode(line: start, path: path, value: try array(path: path, depth: depth))
        case UInt8(ascii: "\""): return JSONNode(line: start, path: path, value: .string(try string(path: path)))
        case UInt8(ascii: "t"): try literal("true", path: path); return JSONNode(line: start, path: path, value: .bool(true))
        case UInt8(ascii: "f"): try literal("false", path: path); return JSONNode(line: start, path: path, value: .bool(false))
        case UInt8(ascii: "n"): try literal("null", path: path); return JSONNode(line: start, path: path, value: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(line: start, path: path, value: .number(try number(path: path)))
        default:
            throw error("unexpected character \(describe(bytes[pos]))", path: path)
        }
    }

    private func describe(_ b: UInt8) -> String {
        (0x21...0x7E).contains(b) ? "'\(Character(Unicode.Scalar(b)))'" : String(format: "0x%02x", b)
    }

    private mutating func literal(_ word: String, path: String) throws(InputError) {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else {
            throw error(pos + w.count > bytes.count ? "unexpected end of input (truncated JSON?)" : "invalid literal (expected \(word))", path: path)
        }
        pos += w.count
    }

    private mutating func object(path: String, depth: Int) throws(InputError) -> JSONValue {
        pos += 1
        var members: [(String, JSONNode)] = []
        var keys = Set<String>()
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
        while true {
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw error("expected a quoted member name", path: path) }
            let key = try string(path: path)
            guard keys.insert(key).inserted else { throw error("duplicate member \"\(key)\"", path: path) }
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
            guard bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':' after member name", path: path) }
            pos += 1
            let child = try value(path: path == "$" ? key : path + "." + key, depth: depth + 1)
            members.append((key, child))
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            throw error("expected ',' or '}' in object", path: path)
        }
    }

    private mutating func array(path: String, depth: Int) throws(InputError) -> JSONValue {
        pos += 1
        var items: [JSONNode] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
        while true {
            items.append(try value(path: "\(path)[\(items.count)]", depth: depth + 1))
            skipSpace()
            guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            throw error("expected ',' or ']' in array", path: path)
        }
    }

    /// A number token per RFC 8259's grammar, returned as written.
    private mutating func number(path: String) throws(InputError) -> String {
        let start = pos
        func digits() -> Int {
            let s = pos
            while pos < bytes.count, (0x30...0x39).contains(bytes[pos]) { pos += 1 }
            return pos - s
        }
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count else { throw error("unexpected end of input (truncated JSON?)", path: path) }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
        } else if digits() == 0 {
            throw error("invalid number", path: path)
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard digits() > 0 else { throw error("invalid number: digits expected after '.'", path: path) }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digits() > 0 else { throw error("invalid number: digits expected in exponent", path: path) }
        }
        if pos < bytes.count, (0x30...0x39).contains(bytes[pos]) { throw error("invalid number: leading zero", path: path) }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    private mutating func string(path: String) throws(InputError) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("unexpected end of input inside a string (truncated JSON?)", path: path) }
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8", path: path) }
                return s
            case UInt8(ascii: "\\"):
                guard pos + 1 < bytes.count else { throw error("unexpected end of input inside a string (truncated JSON?)", path: path) }
                let e = bytes[pos + 1]
                pos += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(path: path)
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape", path: path)
                        }
                        pos += 2
                        let low = try hex4(path: path)
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape", path: path) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape", path: path)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape", path: path) }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw error("invalid escape \\\(Character(Unicode.Scalar(e)))", path: path)
                }
            case 0x00..<0x20:
                throw error("control character in a string (escape it)", path: path)
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    private mutating func hex4(path: String) throws(InputError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("unexpected end of input in \\u escape", path: path) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape", path: path)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }
}
