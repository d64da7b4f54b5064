import Foundation

/// Times `body` and returns seconds; `body` returns a value that is folded into a sink so the
/// optimiser cannot drop the work.
func seconds(_ body: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    var sink = 0
    let d = try clock.measure { sink &+= try body() }
    if sink == Int.min { print("") }
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Median of `runs` timings of `body`.
func median(runs: Int = 5, _ body: () throws -> Int) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    times.sort()
    return times[times.count / 2]
}

/// Peak resident set size of this process so far, in MiB (Linux /proc).
func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func report(_ name: String, _ value: Double, _ unit: String, target: String = "") {
    let v = value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
    print("\(name.padding(toLength: 48, withPad: " ", startingAt: 0)) \(v) \(unit)\(target.isEmpty ? "" : "   (target \(target))")")
}
