import Bitcoin
import Foundation

/// "sigs": ECDSA, Schnorr and BIP-137 verifications per second, Swift on one core and in batch on every
/// core, interleaved with the C reference loop (c/secp_bench.c, one thread and two) on the same inputs.
/// Medians of 5 rounds.
func sigsBench() throws {
    let tool = ".build/secp_bench"
    let inputs = ".build/sigs_inputs.txt"
    guard FileManager.default.isExecutableFile(atPath: tool), FileManager.default.fileExists(atPath: inputs) else {
        print("sigs: \(tool) or \(inputs) missing; run Benchmarks/run.sh, which builds and generates them")
        return
    }
    let text = try String(contentsOfFile: inputs, encoding: .utf8)
    var ecdsaRows: [(key: [UInt8], digest: [UInt8], der: [UInt8])] = []
    var schnorrRows: [(key: [UInt8], message: [UInt8], sig: [UInt8])] = []
    var bip137Rows: [(payload: AddressPayload, message: [UInt8], sig: [UInt8])] = []
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ")
        guard f.count == 4, let a = Hex.decode(f[1]), let b = Hex.decode(f[2]), let c = Hex.decode(f[3]) else { continue }
        switch f[0] {
        case "ecdsa": ecdsaRows.append((a, b, c))
        case "schnorr": schnorrRows.append((a, b, c))
        case "bip137": bip137Rows.append((try .p2wpkh(key: PublicKey(sec: a)), b, c))
        default: continue
        }
    }
    let (ecdsa, schnorr, bip137) = (ecdsaRows, schnorrRows, bip137Rows)
    let workers = BatchVerifier.defaultWorkers

    func runC(_ kind: String, mode: String = "time") throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [mode, kind, inputs]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func measure(_ name: String, kind: String, count: Int, one: () -> Int, batch: () -> Int) throws {
        var c: [Double] = [], cBatch: [Double] = [], single: [Double] = [], many: [Double] = [], cpus: [Double] = []
        for _ in 0..<5 {
            c.append(try runC(kind))
            cBatch.append(try runC(kind, mode: "batch"))
            single.append(Double(count) / seconds { one() })
            let cpuBefore = processCPUSeconds()
            let wall = seconds { batch() }
            cpus.append((processCPUSeconds() - cpuBefore) / wall)
            many.append(Double(count) / wall)
        }
        func mid(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        let (cm, sm, bm) = (mid(c), mid(single), mid(many))
        report("\(name) C libsecp256k1 loop", cm, "verif/s")
        report("\(name) Swift one core", sm, "verif/s")
        report("\(name) Swift batch (\(workers) cores)", bm, "verif/s")
        if kind != "bip137" { report("\(name) Swift one core / C", sm / cm, "x", target: "≥ 0.9") }
        report("\(name) batch / one core", bm / sm, "x", target: workers >= 2 ? "≥ 1.7" : "")
        report("\(name) batch CPUs granted by the scheduler", mid(cpus), "cpus", target: "\(workers) when idle")
        report("\(name) C 2 threads / 1 (machine headroom)", mid(cBatch) / cm, "x")
    }

    // How many threads a batch really runs on (the speed-up needs free cores, too).
    let threads = Set(BatchVerifier.map(ecdsa.indices.map { $0 }) { i -> UInt in
        _ = ECDSA.check(publicKey: ecdsa[i].key, digest: ecdsa[i].digest, derSignature: ecdsa[i].der)
        return UInt(pthread_self())
    })
    report("batch worker threads used", Double(threads.count), "threads", target: "\(workers)")

    try measure("ecdsa", kind: "ecdsa", count: ecdsa.count, one: {
        ecdsa.reduce(0) { $0 + (ECDSA.check(publicKey: $1.key, digest: $1.digest, derSignature: $1.der) == .valid ? 1 : 0) }
    }, batch: {
        BatchVerifier.map(ecdsa.indices.map { $0 }) { i in
            ECDSA.check(publicKey: ecdsa[i].key, digest: ecdsa[i].digest, derSignature: ecdsa[i].der) == .valid
        }.count { $0 }
    })
    try measure("schnorr", kind: "schnorr", count: schnorr.count, one: {
        schnorr.reduce(0) { $0 + (Schnorr.check(publicKey: $1.key, message: $1.message, signature: $1.sig) == .valid ? 1 : 0) }
    }, batch: {
        BatchVerifier.map(schnorr.indices.map { $0 }) { i in
            Schnorr.check(publicKey: schnorr[i].key, message: schnorr[i].message, signature: schnorr[i].sig) == .valid
        }.count { $0 }
    })
    try measure("bip137", kind: "bip137", count: bip137.count, one: {
        bip137.reduce(0) { $0 + (BIP137.verify(payload: $1.payload, message: $1.message, signature: $1.sig).isValid ? 1 : 0) }
    }, batch: {
        BatchVerifier.map(bip137.indices.map { $0 }) { i in
            BIP137.verify(payload: bip137[i].payload, message: bip137[i].message, signature: bip137[i].sig).isValid
        }.count { $0 }
    })
}

/// User + system CPU time of this process so far, in seconds.
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return secs(usage.ru_utime) + secs(usage.ru_stime)
}
