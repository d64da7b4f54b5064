/// A JSON value whose numbers stay as their source text, so money is never read through `Double`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number token exactly as written (`0.00012345`, `-1`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONNode])
    /// Members in source order (keys are unique: the reader rejects duplicates).
    case object([(String, JSONNode)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A short name of the kind of value, for messages.
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON value with the physical line where it starts and its path from the root (`transactions[3].payout_extra`).
public struct JSONNode: Sendable, Equatable {
    public let line: Int
    public let path: String
    public let value: JSONValue

    public init(line: Int, path: String, value: JSONValue) {
        self.line = line
        self.path = path
        self.value = value
    }

    /// The member `key` of an object, nil when absent or when this is not an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }
}
