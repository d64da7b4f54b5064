import Bitcoin

/// Entry points for fuzzing the input readers (Fuzz/ and the regression replay in the tests): each reads arbitrary
/// bytes the way an import does and throws nothing; a wrong input must end in an error, never a crash.
public enum InputFuzzing {
    /// The CSV schemas the importers use; an input is read under every one whose header it satisfies.
    static let schemas: [CSVSchema] = [
        Importer.payoutSchema, Importer.powerSchema, Importer.settlementSchema, Importer.transactionSchema,
        Importer.priceSchema, AttestationFile.schema,
    ]

    /// Reads `bytes` as a CSV file under each schema, record by record, parsing the fields of the kinds it knows
    /// (amounts, timestamps, identifiers, addresses, transaction hex) as the importers would.
    public static func csv(_ bytes: [UInt8]) {
        for schema in schemas {
            guard let reader = try? CSVReader(source: ByteSource(bytes: bytes, name: "fuzz.csv", chunkSize: 64),
                                              schema: schema) else { continue }
            var records = 0
            while records < 10_000, let record = try? reader.next() {
                records += 1
                for (name, value) in zip(record.header.names, record.fields) { field(name, value) }
            }
        }
    }

    /// One field through the parser its column goes through on import.
    private static func field(_ name: String, _ value: String) {
        switch name {
        case "paid_at", "date", "period_start", "period_end": _ = try? ISOTimestamp.parse(value)
        case "amount_btc", "fee_btc": _ = try? Amounts.btc(value); _ = try? Amounts.btcOrZero(value)
        case "amount", "marginal_amount", "price": _ = try? Amounts.positive(value, scale: 2); _ = try? Amounts.minor(value, scale: 8)
        case "pool": _ = try? Identifiers.pool(value)
        case "site": _ = try? Identifiers.site(value)
        case "txid": _ = try? Identifiers.txid(value)
        case "vout": _ = try? Identifiers.vout(value)
        case "reference", "invoice": _ = try? Identifiers.reference(value)
        case "purpose": _ = try? Identifiers.purpose(value)
        case "address": _ = try? Address.parse(value)
        case "hex": _ = try? Transaction(hex: value)
        default: break
        }
    }

    /// Parses `bytes` as a JSON document, then reads it as each JSON input the importers take (a Bitcoin Core
    /// snapshot, F2Pool's transaction list, Braiins' daily rewards) and every number token as an amount.
    public static func json(_ bytes: [UInt8]) {
        guard let root = try? JSONReader.parse(bytes, file: "fuzz.json") else { return }
        _ = try? SnapshotFile.parse(root, file: "fuzz.json")
        _ = try? F2PoolFile.entries(root, file: "fuzz.json")
        _ = try? BraiinsFile.rewards(root, file: "fuzz.json")
        numbers(root.value, budget: 1_000)
    }

    private static func numbers(_ value: JSONValue, budget: Int) {
        var remaining = budget
        var stack = [value]
        while let next = stack.popLast(), remaining > 0 {
            remaining -= 1
            switch next {
            case .number(let token):
                _ = try? Amounts.btcJSON(token)
                _ = try? JSONNumber.minorUnits(token, scale: 2)
            case .array(let items): stack += items.map(\.value)
            case .object(let members): stack += members.map { $0.1.value }
            default: break
            }
        }
    }
}
