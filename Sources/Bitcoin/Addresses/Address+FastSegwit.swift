/// The hot path of segwit address parsing: one table lookup per character, two checksum steps per
/// lookup of the doubled generator table, and the program written straight into its array. Any
/// irregularity returns nil and the precise path (``Address/parseSegwit(_:networks:)``) names the error.
extension Address {
    /// Checksum states after each known prefix: "bc", "tb", "bcrt".
    static let prefixStates: (bc: UInt32, tb: UInt32, bcrt: UInt32) =
        (Bech32.prefixState("bc"), Bech32.prefixState("tb"), Bech32.prefixState("bcrt"))

    static func fastSegwit(_ utf8: UnsafeBufferPointer<UInt8>, networks: NetworkSet) -> Address? {
        let n = utf8.count
        let states = prefixStates
        let prefixLength: Int
        var chk: UInt32
        switch networks {
        case .main: prefixLength = 2; chk = states.bc
        case .regtest: prefixLength = 4; chk = states.bcrt
        default: prefixLength = 2; chk = states.tb
        }
        let first = prefixLength + 1 // the witness version character
        // Version, at least one program character, and the 6-character checksum.
        guard n <= 90 && n - first >= 8 else { return nil }
        var flags: UInt8 = 0
        for i in 0..<prefixLength { flags |= utf8[i] >= 0x61 ? 0x20 : 0x40 }
        let scan = Bech32.scan
        let gen2 = Bech32.generator2
        let version: Int = scan.withUnsafeBufferPointer { scan in
            gen2.withUnsafeBufferPointer { gen2 in
                var i = first
                while i + 1 < n {
                    let e1 = scan[Int(utf8[i])]
                    let e2 = scan[Int(utf8[i + 1])]
                    flags |= e1 | e2
                    chk = ((chk & 0xF_FFFF) << 10) ^ (UInt32(e1 & 31) << 5) ^ UInt32(e2 & 31) ^ gen2[Int(chk >> 20)]
                    i += 2
                }
                if i < n {
                    let e = scan[Int(utf8[i])]
                    flags |= e
                    chk = ((chk & 0x1FF_FFFF) << 5) ^ UInt32(e & 31) ^ Bech32.generator[Int(chk >> 25)]
                }
                return Int(scan[Int(utf8[first])] & 31)
            }
        }
        guard flags & 0x80 == 0 && flags & 0x60 != 0x60 else { return nil }
        let expected: UInt32 = version == 0 ? Bech32.Variant.bech32.constant : Bech32.Variant.bech32m.constant
        guard chk == expected && version <= 16 else { return nil }
        let bits = (n - first - 7) * 5
        let length = bits / 8
        guard bits % 8 <= 4 && length >= 2 && length <= 40 && (version != 0 || length == 20 || length == 32) else {
            return nil
        }
        var paddingOK = false
        let program = [UInt8](unsafeUninitializedCapacity: length) { out, count in
            scan.withUnsafeBufferPointer { scan in
                var acc: UInt32 = 0
                var accBits: UInt32 = 0
                var k = 0
                for i in (first + 1)..<(n - 6) {
                    acc = (acc << 5) | UInt32(scan[Int(utf8[i])] & 31)
                    accBits += 5
                    if accBits >= 8 {
                        accBits -= 8
                        out[k] = UInt8(truncatingIfNeeded: acc >> accBits)
                        k += 1
                    }
                }
                paddingOK = acc & ((1 << accBits) - 1) == 0
                count = k
            }
        }
        guard paddingOK else { return nil }
        return Address(payload: .witness(version: version, program: program), networks: networks)
    }
}
