import Foundation
import ParserFuzzing

/// The target this process fuzzes, from `FUZZ_TARGET` (read once). An unknown name stops the run at once.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(64)
    }
    return target
}()

/// libFuzzer's entry: no `main` here (the fuzzer runtime has it); one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget.run(data, size)
    return 0
}
