/// The script an extended key's SLIP-132 version implies.
public enum ImpliedScript: String, Sendable, Hashable {
    /// xpub / tpub: BIP-44 P2PKH.
    case p2pkh
    /// ypub / upub: BIP-49 P2SH-P2WPKH.
    case p2shP2wpkh
    /// zpub / vpub: BIP-84 P2WPKH.
    case p2wpkh
    /// Ypub / Upub: P2SH-P2WSH multisig (script unknown from the key alone).
    case p2shP2wshMultisig
    /// Zpub / Vpub: P2WSH multisig (script unknown from the key alone).
    case p2wshMultisig
}

/// A known 4-byte BIP-32 / SLIP-132 version: its prefix, network, private or public, implied script.
public struct ExtendedKeyVersion: Sendable, Hashable {
    public let value: UInt32
    /// The 4-letter prefix its Base58 form starts with (`xpub`, `zprv`, …).
    public let prefix: String
    /// True for testnet-family versions (tpub, upub, vpub, …), used by testnet, signet and regtest.
    public let isTestnet: Bool
    public let isPrivate: Bool
    public let script: ImpliedScript

    /// Every version this tool recognises (private ones only to refuse them by name).
    public static let all: [ExtendedKeyVersion] = [
        .init(0x0488_B21E, "xpub", false, false, .p2pkh), .init(0x0488_ADE4, "xprv", false, true, .p2pkh),
        .init(0x049D_7CB2, "ypub", false, false, .p2shP2wpkh), .init(0x049D_7878, "yprv", false, true, .p2shP2wpkh),
        .init(0x04B2_4746, "zpub", false, false, .p2wpkh), .init(0x04B2_430C, "zprv", false, true, .p2wpkh),
        .init(0x0295_B43F, "Ypub", false, false, .p2shP2wshMultisig),
        .init(0x0295_B005, "Yprv", false, true, .p2shP2wshMultisig),
        .init(0x02AA_7ED3, "Zpub", false, false, .p2wshMultisig), .init(0x02AA_7A99, "Zprv", false, true, .p2wshMultisig),
        .init(0x0435_87CF, "tpub", true, false, .p2pkh), .init(0x0435_8394, "tprv", true, true, .p2pkh),
        .init(0x044A_5262, "upub", true, false, .p2shP2wpkh), .init(0x044A_4E28, "uprv", true, true, .p2shP2wpkh),
        .init(0x045F_1CF6, "vpub", true, false, .p2wpkh), .init(0x045F_18BC, "vprv", true, true, .p2wpkh),
        .init(0x0242_89EF, "Upub", true, false, .p2shP2wshMultisig),
        .init(0x0242_85B5, "Uprv", true, true, .p2shP2wshMultisig),
        .init(0x0257_5483, "Vpub", true, false, .p2wshMultisig), .init(0x0257_5048, "Vprv", true, true, .p2wshMultisig),
    ]

    private init(_ value: UInt32, _ prefix: String, _ isTestnet: Bool, _ isPrivate: Bool, _ script: ImpliedScript) {
        self.value = value
        self.prefix = prefix
        self.isTestnet = isTestnet
        self.isPrivate = isPrivate
        self.script = script
    }

    /// The known version with this 4-byte value, if any.
    public init?(value: UInt32) {
        guard let v = Self.all.first(where: { $0.value == value }) else { return nil }
        self = v
    }

    /// The known version whose Base58 prefix `text` starts with, if any.
    public init?(textPrefix text: some StringProtocol) {
        guard let v = Self.all.first(where: { text.hasPrefix($0.prefix) }) else { return nil }
        self = v
    }

    /// The plain BIP-32 public version of this network: xpub or tpub.
    public static func bip32Public(testnet: Bool) -> ExtendedKeyVersion {
        testnet ? tpub : xpub
    }

    /// Entries 0 and 10 of `all`.
    private static let xpub = all[0]
    private static let tpub = all[10]
}
