import Bitcoin
import Treasury

/// The parsers under fuzzing, one entry each: `Fuzz/` runs them under libFuzzer (`make fuzz`), and the test suite
/// replays every regression input of `fixtures/fuzz/<target>/` through the same entry without a sanitizer.
///
/// An entry takes arbitrary bytes and must return: every malformed input ends in an error value, never a trap.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case address, base58, bech32, der, schnorr, descriptor, xpub, transaction, base64, csv, json, message

    /// Runs this target's parsers on `data`.
    public func run(_ data: [UInt8]) {
        switch self {
        case .address: ParserEntries.address(data)
        case .base58: ParserEntries.base58(data)
        case .bech32: ParserEntries.bech32(data)
        case .der: ParserEntries.der(data)
        case .schnorr: ParserEntries.schnorr(data)
        case .descriptor: ParserEntries.descriptor(data)
        case .xpub: ParserEntries.xpub(data)
        case .transaction: ParserEntries.transaction(data)
        case .base64: ParserEntries.base64(data)
        case .csv: InputFuzzing.csv(data)
        case .json: InputFuzzing.json(data)
        case .message: ParserEntries.message(data)
        }
    }

    /// Runs the target on the bytes libFuzzer hands over.
    public func run(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        guard let data, size > 0 else { return run([]) }
        run(Array(UnsafeBufferPointer(start: data, count: size)))
    }
}
