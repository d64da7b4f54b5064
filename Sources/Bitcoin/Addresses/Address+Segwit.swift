/// Segwit addresses (BIP-173, BIP-350): the precise reading, which names the first rule broken.
extension Address {
    /// The networks of a known segwit prefix (`bc1`, `tb1`, `bcrt1`, any case), nil for other text.
    static func segwitNetworks(_ utf8: UnsafeBufferPointer<UInt8>) -> NetworkSet? {
        func has(_ prefix: StaticString) -> Bool {
            let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            guard utf8.count >= p.count else { return false }
            for i in 0..<p.count where Bech32.lower(utf8[i]) != p[i] { return false }
            return true
        }
        if has("bc1") { return .main }
        if has("tb1") { return [.test, .signet] }
        if has("bcrt1") { return .regtest }
        return nil
    }

    /// The precise segwit reading: every rule checked in turn, so a failure names its cause.
    static func parseSegwit(_ utf8: UnsafeBufferPointer<UInt8>, networks: NetworkSet) throws(AddressError) -> Address {
        let checked: Bech32.Checked
        switch Bech32.check(utf8) {
        case .success(let c): checked = c
        case .failure(let e): throw .bech32(e)
        }
        let table = Bech32.values
        let start = checked.separator + 1
        let dataCount = utf8.count - 6 - start
        guard dataCount >= 1 else { throw .missingWitnessVersion }
        let version = Int(table[Int(utf8[start])])
        guard version <= 16 else { throw .invalidWitnessVersion(version) }
        let bits = (dataCount - 1) * 5
        let length = bits / 8
        guard bits % 8 <= 4 else { throw .bech32(.invalidPadding) }
        guard length >= 2 && length <= 40 && (version != 0 || length == 20 || length == 32) else {
            throw .invalidProgramLength(version: version, length: length)
        }
        guard checked.variant == (version == 0 ? .bech32 : .bech32m) else {
            throw .wrongChecksumVariant(version: version, variant: checked.variant)
        }
        var paddingOK = true
        let program = [UInt8](unsafeUninitializedCapacity: length) { out, count in
            var acc: UInt32 = 0
            var accBits = 0
            var n = 0
            for i in (start + 1)..<(start + dataCount) {
                acc = (acc << 5) | UInt32(table[Int(utf8[i])])
                accBits += 5
                if accBits >= 8 {
                    accBits -= 8
                    out[n] = UInt8(truncatingIfNeeded: acc >> UInt32(accBits))
                    n += 1
                }
            }
            paddingOK = acc & ((1 << UInt32(accBits)) - 1) == 0
            count = n
        }
        guard paddingOK else { throw .bech32(.invalidPadding) }
        return Address(payload: .witness(version: version, program: program), networks: networks)
    }

    /// 8-bit bytes regrouped into 5-bit values, the last zero-padded (cannot fail, unlike the general case).
    static func regroup8to5(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var acc: UInt32 = 0
        var bits = 0
        for b in bytes {
            acc = (acc << 8) | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(UInt8((acc >> UInt32(bits)) & 31))
            }
        }
        if bits > 0 { out.append(UInt8((acc << UInt32(5 - bits)) & 31)) }
        return out
    }
}
