import Bitcoin

/// The verdict on one input of `reserve address inspect`: the parsed address, or why it is not acceptable.
struct AddressInspectVerdict {
    /// The physical line of the input file, or the argument's position.
    let line: Int
    let input: String
    /// The parsed address (also when it is on the wrong network), nil when the text is no address.
    let address: Address?
    /// The network checked against, when `--network` was given.
    let required: Network?
    /// Why the input is not acceptable; nil when valid.
    let error: AddressError?

    /// Parses `input` and, when `network` is given, requires it.
    init(line: Int, input: String, network: Network?) {
        self.line = line
        self.input = input
        self.required = network
        var parsed: Address?
        var failure: AddressError?
        do {
            let address = try Address.parse(input)
            parsed = address
            if let network { try address.require(network) }
        } catch {
            failure = error
        }
        self.address = parsed
        self.error = failure
    }

    var valid: Bool { error == nil }

    /// DESIGN.md verdict status; the rules are in docs/address-inspect.md.
    var status: String {
        guard let error else { return "valid" }
        switch error {
        case .wrongNetwork:
            return "invalid"
        case .privateKey, .extendedPublicKey, .unknownPrefix, .unknownVersion, .invalidPayloadLength:
            return "unsupported"
        case .empty, .base58, .bech32, .missingWitnessVersion, .invalidWitnessVersion, .invalidProgramLength,
             .wrongChecksumVariant, .uncompressedKey, .tooLong:
            return "malformed"
        }
    }

    /// The network reported: the one required when the address fits it, else the one the text reads as.
    var network: Network? {
        guard let address else { return nil }
        if let required, address.fits(required) { return required }
        return address.network
    }

    /// All fields, in the documented order (json, jsonl, csv).
    var record: OutputRecord {
        var witnessVersion = FieldValue.null
        var program = FieldValue.null
        var script = FieldValue.null
        if valid, let address {
            switch address.payload {
            case .p2pkh(let hash), .p2sh(let hash):
                program = .string(Hex.encode(hash))
            case .witness(let version, let bytes):
                witnessVersion = .int(Int64(version))
                program = .string(Hex.encode(bytes))
            }
            script = .string(Hex.encode(address.scriptPubKey))
        }
        return OutputRecord([
            ("line", .int(Int64(line))),
            ("input", .string(Echo.value(input))),
            ("valid", .bool(valid)),
            ("status", .string(status)),
            ("reason", .string(error?.description ?? "")),
            ("network", network.map { .string($0.rawValue) } ?? .null),
            ("type", address.map { .string($0.type.rawValue) } ?? .null),
            ("witness_version", witnessVersion),
            ("program", program),
            ("script_pubkey", script),
        ])
    }

    /// The fields a person reads in a table.
    var tableRecord: OutputRecord {
        OutputRecord([
            ("line", .int(Int64(line))),
            ("status", .string(status)),
            ("network", .string(network?.rawValue ?? "")),
            ("type", .string(address?.type.rawValue ?? "")),
            ("input", .string(Echo.value(input))),
            ("reason", .string(error?.description ?? "")),
        ])
    }
}
