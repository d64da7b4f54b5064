import Bitcoin
import Foundation

/// Addresses per second derived from descriptors (scriptPubKey and address text), one core:
/// `wpkh(xpub/0/*)` and a 2-of-3 `wsh(sortedmulti(…))`. Rates are per second of this thread's CPU time
/// (what one core delivers, whatever else the machine runs) and, in brackets, per wall-clock second.
func hdBench() throws {
    let xpubs = [
        "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL",
        "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y",
        "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
    ]
    let cases: [(String, String, Int, String)] = [
        ("hd wpkh(xpub/0/*) addresses", "wpkh(\(xpubs[0])/0/*)", 20_000, "≥ 20000/s"),
        ("hd wsh(sortedmulti(2-of-3)) addresses", "wsh(sortedmulti(2,\(xpubs.map { $0 + "/0/*" }.joined(separator: ","))))",
         5_000, ""),
    ]
    for (name, text, count, target) in cases {
        let deriver = try DescriptorDeriver(Descriptor(parsing: text))
        let (cpu, wall) = try hdTimes {
            var bytes = 0
            for i in 0..<UInt32(count) {
                let spk = try deriver.scriptPubKey(at: i)
                bytes &+= (AddressPayload(scriptPubKey: spk).map { Address(payload: $0).encoded(for: .main) } ?? "").utf8.count
            }
            return bytes
        }
        report(name, Double(count) / cpu, String(format: "addr/s (wall clock: %.0f/s)", Double(count) / wall), target: target)
    }
    // The floor under both: one CKDpub (HMAC-SHA512 + libsecp256k1 tweak_add, re-parsing the parent each time).
    let parent = try ExtendedPublicKey(parsing: xpubs[0])
    let (cpu, _) = try hdTimes {
        var sum = 0
        for i in 0..<UInt32(5_000) { sum &+= Int(try parent.childKey(i).compressed[1]) }
        return sum
    }
    report("hd CKDpub alone", 5_000 / cpu, "keys/s")
}

/// Median over 5 runs of this thread's CPU seconds, and of wall seconds, spent in `body`.
private func hdTimes(_ body: () throws -> Int) rethrows -> (cpu: Double, wall: Double) {
    func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    var cpu: [Double] = []
    var wall: [Double] = []
    for _ in 0..<5 {
        let c0 = cpuNow()
        wall.append(try seconds(body))
        cpu.append(cpuNow() - c0)
    }
    return (cpu.sorted()[2], wall.sorted()[2])
}
