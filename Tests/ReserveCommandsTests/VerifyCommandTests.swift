import Foundation
import Testing

/// `reserve verify message|attestations|ecdsa|schnorr` through the built binary: verdicts, order, formats,
/// exit codes.
@Suite struct VerifyCommandTests {
    // BIP-143 "Native P2WPKH" example: key, sighash and signature from the BIP text.
    static let key = "025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee6357"
    static let digest = "c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670"
    static let sig = "304402203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f3358f51928d43c212a8caed02de67eebee"
    /// The same signature with s replaced by n − s (computed by hand).
    static let highS = "304502203609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a022100a8c56ab3bae7ccea9ebf906fcff170cb61b9c3bddb0c7f1133238e5ee9b75553"

    @Test func ecdsaVerdictsInOrder() throws {
        let cli = try VerifyCLI()
        let file = try cli.write("e.csv", """
        pubkey,digest,signature
        \(Self.key),\(Self.digest),\(Self.sig)
        \(Self.key),\(Self.digest),\(Self.highS)
        \(Self.key),\(Self.digest.dropLast(2))ff,\(Self.sig)
        \(Self.key),\(Self.digest),\(Self.sig)00
        zz,\(Self.digest),\(Self.sig)
        \(Self.key),\(Self.digest.dropLast(2)),\(Self.sig)

        """)
        let out = try cli.run(["verify", "ecdsa", file, "--format", "jsonl"])
        #expect(out.status == 1)
        #expect(out.lines.count == 6)
        let head = #"{"json_version":2,"command":"verify ecdsa","#
        #expect(out.lines[0] == head + #""line":2,"valid":true,"status":"valid","reason":""}"#)
        #expect(out.lines[1].hasPrefix(head + #""line":3,"valid":false,"status":"invalid","reason":"non-standard signature: s is above n/2"#))
        #expect(out.lines[2] == head + #""line":4,"valid":false,"status":"invalid","reason":"signature does not match the public key and digest"}"#)
        #expect(out.lines[3] == head + #""line":5,"valid":false,"status":"malformed","reason":"malformed signature: DER sequence length 68 but 69 bytes follow"}"#)
        #expect(out.lines[4] == head + #""line":6,"valid":false,"status":"malformed","reason":"invalid public key: pubkey is not hex"}"#)
        #expect(out.lines[5] == head + #""line":7,"valid":false,"status":"malformed","reason":"malformed message: digest of 31 bytes (expected 32)"}"#)
        #expect(out.stderr.contains("rows_count=6 valid_count=1 invalid_count=5"))

        let lenient = try cli.run(["verify", "ecdsa", file, "--allow-high-s", "--format", "csv"])
        #expect(lenient.lines[0] == "line,valid,status,reason")
        #expect(lenient.lines[2] == "3,true,valid,")
    }

    @Test func ecdsaHashedMessage() throws {
        let cli = try VerifyCLI()
        // SHA-256 of the BIP-143 preimage is not the sighash (that is SHA-256d): hash the first SHA-256 instead.
        let preimage = "0100000096b827c8483d4e9b96712b6713a7b68d6e8003a781feba36c31143470b4efd3752b0a642eea2fb7ae638c36f6252b6750293dbe574a806984b8e4d8548339a3bef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a010000001976a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac0046c32300000000ffffffff863ef3e1a92afbfdb97f31ad0fc7683ee943e9abcf2501590ff8f6551f47e5e51100000001000000"
        let file = try cli.write("m.csv", "signature,message,pubkey\n\(Self.sig),\(preimage),\(Self.key)\n")
        let once = try cli.run(["verify", "ecdsa", file, "--hash", "sha256", "--format", "jsonl"])
        // One SHA-256 of the preimage is not the digest the BIP signed (SHA-256d), so this must fail…
        #expect(once.status == 1)
        #expect(once.lines == [#"{"json_version":2,"command":"verify ecdsa","line":2,"valid":false,"status":"invalid","reason":"signature does not match the public key and digest"}"#])
        // …while the column name is checked against --hash.
        let wrongColumns = try cli.run(["verify", "ecdsa", file])
        #expect(wrongColumns.status == 65)
        #expect(wrongColumns.stderr.contains("m.csv:1"))
    }

    @Test func schnorrRowsFromBIP340() throws {
        let cli = try VerifyCLI()
        // Rows 0, 5 (key not on curve) and 6 (has_even_y(R) is false) of BIP-340's test-vectors.csv.
        let file = try cli.write("s.csv", """
        pubkey,message,signature
        F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9,0000000000000000000000000000000000000000000000000000000000000000,E907831F80848D1069A5371B402410364BDF1C5F8307B0084C55F1CE2DCA821525F66A4A85EA8B71E482A74F382D2CE5EBEEE8FDB2172F477DF4900D310536C0
        EEFDEA4CDB677750A420FEE807EACF21EB9898AE79B9768766E4FAA04A2D4A34,243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89,6CFF5C3BA86C69EA4B7376F31A9BCB4F74C1976089B2D9963DA2E5543E17776969E89B4C5564D00349106B8497785DD7D1D713A8AE82B32FA79D5F7FC407D39B
        DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659,243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89,FFF97BD5755EEEA420453A14355235D382F6472F8568A18B2F057A14602975563CC27944640AC607CD107AE10923D9EF7A73C643E166BE5EBEAFA34B1AC553E2
        DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659,243F6A88,00

        """)
        let out = try cli.run(["verify", "schnorr", file, "--format", "json"])
        #expect(out.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let parsed = try #require(document["rows"] as? [[String: Any]])
        #expect(document["json_version"] as? Int == 2)
        #expect(document["command"] as? String == "verify schnorr")
        #expect(parsed.count == 4)
        #expect(parsed.map { $0["status"] as? String } == ["valid", "malformed", "invalid", "malformed"])
        #expect(document["rows_count"] as? Int == 4)
        #expect(document["valid_count"] as? Int == 1)
        #expect(document["invalid_count"] as? Int == 3)
    }

    @Test func attestationsWithChallenge() throws {
        let cli = try VerifyCLI()
        let file = try cli.write("a.csv", """
        address,message,signature
        bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l,Hello World,smpAkcwRAIgZRfIY3p7/DoVTty6YZbWS71bc5Vct9p9Fia83eRmw2QCICK/ENGfwLtptFluMGs2KsqoNSk89pO7F29zJLUx9a/sASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=
        15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs,"Trust no one",IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk=
        15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs,"I never signed this",IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk=
        3DYoBqQ5N6dADzyQjy9FT1Ls4amiYVaqTG,Electrum,HyFaND+87TtVbRhkTfT3mPNBCQcJ32XXtNZGW8sFldJsNpOPCegEmdcCf5Thy18hdMH88GLxZLkOby/EwVUuSeA=
        bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l,"multi
        line, with ""quotes"" o",IPojfr
        not-an-address,o,x

        """)
        let out = try cli.run(["verify", "attestations", file, "--challenge", "o", "--format", "jsonl"])
        #expect(out.status == 1)
        let statuses = try out.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(statuses.map { $0["line"] as? Int } == [2, 3, 4, 5, 6, 8])
        #expect(statuses.map { $0["status"] as? String } == ["valid", "valid", "invalid", "invalid", "malformed", "malformed"])
        #expect(statuses.map { $0["format"] as? String } == ["bip322-simple", "bip137", "bip137", "bip137", "unknown", "unknown"])
        #expect(out.stderr.contains("rows_count=6 valid_count=2 invalid_count=4 addresses_proven_count=2"))

        // Electrum's header rule accepts row 5; a challenge absent from a message fails that row.
        let electrum = try cli.run(["verify", "attestations", file, "--challenge", "Electrum", "--electrum", "--format", "jsonl"])
        let valid = electrum.lines.filter { $0.contains(#""valid":true"#) }
        #expect(valid.count == 1)
        #expect(valid.first?.hasPrefix(#"{"json_version":2,"command":"verify attestations","line":5,"#) == true)
        #expect(electrum.lines[0].contains("message does not contain the challenge"))
    }

    @Test func structuralErrorsAreExit65WithFileAndLine() throws {
        let cli = try VerifyCLI()
        let noHeader = try cli.write("empty.csv", "")
        let r1 = try cli.run(["verify", "schnorr", noHeader])
        #expect(r1.status == 65)
        #expect(r1.stderr.contains("empty.csv"))
        let wrongCount = try cli.write("w.csv", "pubkey,message,signature\naa,bb,cc\naa,bb\n")
        let r2 = try cli.run(["verify", "schnorr", wrongCount])
        #expect(r2.status == 65)
        #expect(r2.stderr.contains("w.csv:3"))
        let unknown = try cli.write("u.csv", "pubkey,message,signature,extra\n")
        #expect(try cli.run(["verify", "schnorr", unknown]).status == 65)
        #expect(try cli.run(["verify", "schnorr", "missing.csv"]).status == 74)
        #expect(try cli.run(["verify", "attestations", unknown, "--challenge", ""]).status == 64)
    }

    @Test func messageExitCodes() throws {
        let cli = try VerifyCLI()
        let good = try cli.run(["verify", "message", "--address", "15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs", "--message", "Trust no one",
                                "--signature", "IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk=",
                                "--format", "jsonl"])
        #expect(good.status == 0)
        #expect(good.stdout == #"{"json_version":2,"command":"verify message","address":"15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs","format":"bip137","valid":true,"status":"valid","reason":""}"# + "\n")
        let bad = try cli.run(["verify", "message", "--address", "15CRxFdyRpGZLW9w8HnHvVduizdL5jKNbs", "--message", "Trust no one!",
                               "--signature", "IPojfrX2dfPnH26UegfbGQQLrdK844DlHq5157/P6h57WyuS/Qsl+h/WSVGDF4MUi4rWSswW38oimDYfNNUBUOk="])
        #expect(bad.status == 1)
        let p2tr = try cli.run(["verify", "message", "--address", "bc1pss0zhytly75awhm6x2hhvd5lnzv3vssgrf9axfheq8ldyzn88ges79fler",
                                "--message", "No prefix fallback",
                                "--signature", "AUCJYOwOjxYAvatTAGYaVlNXBVyFuc4MwNQkOuK2tl8xhfKDONd0NjfYyNSYcRqeCp8hsAnCEPHAVEkO9h6vbQ/R"])
        #expect(p2tr.status == 0)
    }

    /// A large batch keeps input order whatever the scheduling across cores.
    @Test func batchKeepsInputOrder() throws {
        let cli = try VerifyCLI()
        var text = "pubkey,digest,signature\n"
        for i in 0..<400 {
            text += i % 3 == 0 ? "\(Self.key),\(Self.digest),\(Self.sig)\n" : "\(Self.key),\(Self.digest),\(Self.highS)\n"
        }
        let file = try cli.write("big.csv", text)
        let out = try cli.run(["verify", "ecdsa", file, "--format", "csv"])
        let rows = out.lines.dropFirst()
        #expect(rows.count == 400)
        for (i, row) in rows.enumerated() {
            #expect(row.hasPrefix("\(i + 2),\(i % 3 == 0 ? "true" : "false"),"))
        }
    }
}
