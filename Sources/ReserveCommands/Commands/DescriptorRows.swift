import Treasury
import Bitcoin

/// Checks shared by `descriptor derive` and `wallet addresses`: chain, network and index range.
enum DerivationRequest {
    /// Branch 0 (receive) or 1 (change); change needs a multipath `<0;1>` descriptor.
    static func chain(of descriptor: Descriptor, change: Bool) throws -> Int {
        guard change else { return 0 }
        guard descriptor.branchCount >= 2 else {
            throw CommandFailure(.usage, "--change needs a descriptor with a <0;1> step (or a bare extended key); "
                + "derive the change descriptor itself instead")
        }
        return 1
    }

    /// The network addresses are printed for: the key's, unless `requested` picks another it allows.
    static func network(for descriptor: Descriptor, requested: String?) throws -> Network {
        let allowed = descriptor.networks
        guard let requested else { return allowed.defaultNetwork }
        guard let net = Network(name: requested) else {
            throw CommandFailure(.usage, "--network '\(requested)': expected \(Network.acceptedNames)")
        }
        guard allowed.contains(net) else {
            throw CommandFailure(.usage, "--network \(net.rawValue) does not match the descriptor's keys (\(allowed))")
        }
        return net
    }

    /// Validates `start ..< start + count` within 0 ..< 2^31 (non-hardened indexes). A descriptor without `/*`
    /// has the same script at every index.
    static func range(start: Int64, count: Int64) throws -> Range<UInt32> {
        let limit: Int64 = 1 << 31
        guard start >= 0, start < limit else {
            throw CommandFailure(.usage, "--start \(start) is out of range (0 to 2147483647)")
        }
        guard count >= 1 else { throw CommandFailure(.usage, "--count \(count) must be at least 1") }
        guard count <= limit - start else {
            throw CommandFailure(.usage, "--start \(start) --count \(count) runs past index 2147483647 (start + count must be ≤ 2^31)")
        }
        return UInt32(start)..<UInt32(start + count)
    }
}

/// Writes derived address records (`chain`, `index`, `address`, `script_pubkey`) in any output format.
enum DerivedRows {
    static func record(chain: Int, index: UInt32, scriptPubKey spk: [UInt8], network: Network) -> OutputRecord {
        let address: FieldValue = AddressPayload(scriptPubKey: spk).map {
            .string(Address(payload: $0).encoded(for: network))
        } ?? .null
        return OutputRecord([("chain", .int(Int64(chain))), ("index", .int(Int64(index))), ("address", address),
                             ("script_pubkey", .string(Hex.encode(spk)))])
    }

    static func write(deriver: DescriptorDeriver, chain: Int, range: Range<UInt32>, network: Network,
                      format: OutputFormat, layout: TextLayout = Terminal.layout(),
                      parameters: [(String, FieldValue)] = []) throws {
        let document = CommandDocument(command: "descriptor derive", parameters: parameters)
        var records: [OutputRecord] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let spk: [UInt8]
            do { spk = try deriver.scriptPubKey(at: index) } catch { throw CommandFailure(.dataError, "index \(index): \(error)") }
            records.append(record(chain: chain, index: index, scriptPubKey: spk, network: network))
            index += 1
            // jsonl streams in chunks so long ranges need little memory.
            if format == .jsonl, records.count == 4096 {
                emit(document.jsonLines(records))
                records.removeAll(keepingCapacity: true)
            }
        }
        var finished = document
        finished.rows = records
        emit(finished.render(format, layout: layout))
    }

    /// Rendered output already ends with a newline; `Console.out` adds one.
    private static func emit(_ text: String) {
        guard !text.isEmpty else { return }
        Console.out(String(text.dropLast()))
    }
}
