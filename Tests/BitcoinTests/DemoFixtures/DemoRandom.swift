/// TEST-ONLY: SplitMix64, a small seeded generator so the demo fixtures are reproducible byte for byte.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// Parts per million around 1,000,000 (e.g. ±20,000 for ±2%).
    mutating func ppm(spread: Int64) -> Int64 { 1_000_000 + int(-spread...spread) }

    mutating func bytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < n { withUnsafeBytes(of: next()) { out += $0 } }
        return Array(out.prefix(n))
    }
}
