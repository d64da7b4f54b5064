import Bitcoin
import Foundation

/// Address parsing and validation on one core: 200,000 distinct valid mainnet addresses of each kind,
/// each parsed and required to be mainnet. Targets: ≥ 2,000,000/s Bech32(m), ≥ 500,000/s Base58Check.
/// Reported per second of this thread's CPU time (the machine is shared) and of wall-clock time.
func addressBench() throws {
    let count = 200_000
    var state: UInt64 = 0x0ADD_2E55
    func nextBytes(_ n: Int) -> [UInt8] {
        (0..<n).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }
    let kinds: [(String, String, () -> AddressPayload)] = [
        ("bech32 P2WPKH", "2,000,000/s", { .witness(version: 0, program: nextBytes(20)) }),
        ("bech32m P2TR", "2,000,000/s", { .witness(version: 1, program: nextBytes(32)) }),
        ("base58check P2PKH", "500,000/s", { .p2pkh(nextBytes(20)) }),
    ]
    for (name, target, make) in kinds {
        let texts = (0..<count).map { _ in Address(payload: make()).encoded(for: .main) }
        var cpu: [Double] = []
        let wall = try median(runs: 5) {
            let start = threadCPUSeconds()
            var checksum = 0
            for text in texts {
                let address = try Address.parse(text, network: .main)
                checksum &+= Int(address.networks.rawValue)
            }
            cpu.append(threadCPUSeconds() - start)
            return checksum
        }
        cpu.sort()
        report("address parse+validate, \(name) (CPU)", Double(count) / cpu[cpu.count / 2], "/s", target: target)
        report("address parse+validate, \(name) (wall)", Double(count) / wall, "/s")
    }
}

/// CPU time consumed by the calling thread, in seconds.
private func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
