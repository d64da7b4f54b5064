import Dispatch

/// Runs independent checks on every core and returns the results in input order.
public enum BatchVerifier {
    /// The number of worker threads used by default: the machine's active cores.
    public static var defaultWorkers: Int { max(1, sysconfActiveProcessors()) }

    /// `body` applied to every element, spread over `workers` threads in contiguous chunks; the result
    /// array is in the order of `items` whatever the scheduling.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], workers: Int = defaultWorkers,
                                                     _ body: @Sendable (T) -> R) -> [R] {
        let count = items.count
        guard count > 0 else { return [] }
        let chunks = min(max(1, workers), count)
        if chunks == 1 { return items.map(body) }
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker writes only its own disjoint range of `buffer`.
            let out = SharedBuffer(pointer: buffer.baseAddress!)
            items.withUnsafeBufferPointer { items in
                let input = SharedBuffer(pointer: items.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = count * chunk / chunks
                    let end = count * (chunk + 1) / chunks
                    for i in start..<end { (out.pointer + i).initialize(to: body(input.pointer[i])) }
                }
            }
            initialized = count
        }
    }
}

/// A pointer handed to worker threads that touch disjoint elements.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    init(pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
    init(pointer: UnsafePointer<Element>) { self.pointer = UnsafeMutablePointer(mutating: pointer) }
}

#if canImport(Glibc)
import Glibc
private func sysconfActiveProcessors() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfActiveProcessors() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#endif
