/// The decimal digits of `value`, with `-` when negative (as `"\(value)"` writes them), formed in a stack buffer and
/// handed to `body`: canonical bytes and fingerprints write integers without making a `String` for each.
@inlinable
public func withDecimalDigits<R>(of value: Int64, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
    return try withUnsafeMutableBytes(of: &scratch) { digits in
        var i = digits.count
        var magnitude = value.magnitude
        repeat {
            i -= 1
            digits[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { i -= 1; digits[i] = 0x2D }
        return try body(UnsafeRawBufferPointer(rebasing: digits[i...]))
    }
}
