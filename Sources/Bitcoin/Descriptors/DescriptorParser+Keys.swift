/// KEY expressions (BIP-380, with BIP-389 multipath).
extension DescriptorParser {
    /// Base58 characters (WIF detection).
    private static let base58 = Set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    mutating func parseKey(_ ctx: KeyContext) throws(DescriptorError) -> KeyExpression {
        let start = pos
        while let c = peek, !",(){}".utf8.contains(c) { pos += 1 }
        let token = String(decoding: text[start..<pos], as: UTF8.self)
        if peek == UInt8(ascii: "(") {
            throw DescriptorError(.expected("a key", found: "the script expression \(token)()"), at: start)
        }
        guard !token.isEmpty else { throw DescriptorError(.expected("a key", found: snippet(from: start)), at: start) }

        var rest = Substring(token)
        var restOffset = start
        var origin: KeyOrigin?
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else {
                throw DescriptorError(.invalidKeyOrigin("missing ']'"), at: start)
            }
            do { origin = try KeyOrigin(parsing: rest[rest.index(after: rest.startIndex)..<close]) } catch {
                throw DescriptorError(.invalidKeyOrigin(error.description), at: start + 1)
            }
            restOffset += rest.distance(from: rest.startIndex, to: close) + 1
            rest = rest[rest.index(after: close)...]
        }
        if let bracket = rest.firstIndex(where: { $0 == "[" || $0 == "]" }) {
            let why = rest[bracket] == "[" ? "more than one key origin" : "']' without a matching '['"
            throw DescriptorError(.invalidKeyOrigin(why), at: restOffset + rest.distance(from: rest.startIndex, to: bracket))
        }
        guard !rest.isEmpty else { throw DescriptorError(.invalidKey("key origin with no key after it"), at: restOffset) }

        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        let keyText = parts[0]
        if let bytes = Hex.decode(keyText) {
            guard parts.count == 1 else {
                throw DescriptorError(.invalidKey("a hex public key takes no derivation steps"), at: restOffset + keyText.count)
            }
            return KeyExpression(origin: origin, key: try hexKey(bytes, ctx, at: restOffset))
        }
        let xpub: ExtendedPublicKey
        do { xpub = try ExtendedPublicKey(parsing: String(keyText)) } catch {
            if case .privateKey = error { throw DescriptorError(.privateKey(error.description), at: restOffset) }
            throw DescriptorError(.invalidKey(error.description), at: restOffset)
        }
        try narrow(to: xpub.networks, what: "\(xpub.version.prefix) key", at: restOffset)
        var offset = restOffset + keyText.count + 1
        let (steps, wildcard) = try parsePath(parts.dropFirst(), at: &offset)
        return KeyExpression(origin: origin, key: .extended(xpub, steps: steps, wildcard: wildcard))
    }

    private func hexKey(_ bytes: [UInt8], _ ctx: KeyContext, at offset: Int) throws(DescriptorError) -> KeyExpression.Key {
        switch bytes.count {
        case 32:
            guard ctx == .xOnly else {
                throw DescriptorError(.keyNotValidHere("x-only (32-byte) keys are only valid inside tr()"), at: offset)
            }
            do { return .xOnly(try XOnlyPublicKey(bytes)) } catch {
                throw DescriptorError(.invalidKey("\(Hex.encode(bytes)) is not a valid x-only key"), at: offset)
            }
        case 33, 65:
            let key: PublicKey
            do { key = try PublicKey(sec: bytes) } catch {
                throw DescriptorError(.invalidKey("\(error)"), at: offset)
            }
            if !key.isCompressed, ctx != .legacy {
                let where_ = ctx == .xOnly ? "tr()" : "segwit (wpkh, wsh)"
                throw DescriptorError(.keyNotValidHere("uncompressed public key in \(where_)"), at: offset)
            }
            return .single(key)
        default:
            throw DescriptorError(.invalidKey("hex key of \(bytes.count) bytes (expected 33 compressed, 65 uncompressed or 32 x-only)"), at: offset)
        }
    }

    /// The `/…` steps after an extended key: non-hardened indexes, one optional `<a;b>`, an optional final `*`.
    private mutating func parsePath(_ parts: ArraySlice<Substring>, at offset: inout Int)
        throws(DescriptorError) -> ([KeyExpression.PathElement], Bool) {
        var steps: [KeyExpression.PathElement] = []
        var wildcard = false
        var sawMultipath = false
        for part in parts {
            defer { offset += part.count + 1 }
            guard !wildcard else { throw DescriptorError(.invalidPath("'*' must be the last step"), at: offset) }
            if part == "*" {
                wildcard = true
                continue
            }
            if part == "*h" || part == "*'" {
                throw DescriptorError(.invalidPath(ExtendedKeyError.hardenedDerivation(String(part)).description), at: offset)
            }
            if part.first == "<" {
                guard part.last == ">", part.count > 2 else {
                    throw DescriptorError(.invalidPath("multipath step '\(part)' must look like <0;1>"), at: offset)
                }
                guard !sawMultipath else { throw DescriptorError(.multipathMismatch("more than one <…> step in a key"), at: offset) }
                sawMultipath = true
                var choices: [DerivationStep] = []
                for item in part.dropFirst().dropLast().split(separator: ";", omittingEmptySubsequences: false) {
                    let step = try self.step(item, at: offset)
                    guard !choices.contains(where: { $0.index == step.index }) else {
                        throw DescriptorError(.multipathMismatch("index \(step.index) appears twice in '\(part)'"), at: offset)
                    }
                    choices.append(step)
                }
                guard choices.count >= 2 else {
                    throw DescriptorError(.multipathMismatch("'\(part)' needs at least two indexes"), at: offset)
                }
                if branchCount > 1, branchCount != choices.count {
                    throw DescriptorError(.multipathMismatch("'\(part)' has \(choices.count) branches, an earlier key has \(branchCount)"), at: offset)
                }
                branchCount = choices.count
                steps.append(.multipath(choices))
                continue
            }
            steps.append(.step(try step(part, at: offset)))
        }
        return (steps, wildcard)
    }

    private func step(_ text: Substring, at offset: Int) throws(DescriptorError) -> DerivationStep {
        let step: DerivationStep
        do { step = try DerivationStep(parsing: text) } catch { throw DescriptorError(.invalidPath(error.description), at: offset) }
        guard !step.isHardened else {
            throw DescriptorError(.invalidPath(ExtendedKeyError.hardenedDerivation(step.description).description), at: offset)
        }
        return step
    }

    /// Wallet Import Format private keys: 51 characters from `5`/`9` (uncompressed) or 52 from `K`/`L`/`c`.
    static func looksLikeWIF(_ text: Substring) -> Bool {
        guard text.utf8.allSatisfy({ base58.contains($0) }), let first = text.first else { return false }
        return (text.count == 51 && (first == "5" || first == "9")) || (text.count == 52 && "KLc".contains(first))
    }
}
