import TestSupport

/// TEST-ONLY: the demo fixtures' generator (seeded, so they are reproducible byte for byte).
typealias DemoRandom = SeededRandom

extension SeededRandom {
    /// Parts per million around 1,000,000 (e.g. ±20,000 for ±2%).
    mutating func ppm(spread: Int64) -> Int64 { 1_000_000 + int(-spread...spread) }
}
