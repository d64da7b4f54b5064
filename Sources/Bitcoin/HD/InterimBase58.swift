/// Base58Check for extended keys until the shared address codec lands.
enum InterimBase58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    static func encode(_ payload: [UInt8]) -> String {
        let data = payload + Hashes.sha256d(payload).prefix(4)
        var digits: [UInt8] = []
        for byte in data {
            var carry = Int(byte)
            for i in 0..<digits.count {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 { digits.append(UInt8(carry % 58)); carry /= 58 }
        }
        let zeros = data.prefix(while: { $0 == 0 }).count
        return String(repeating: "1", count: zeros) + String(decoding: digits.reversed().map { alphabet[Int($0)] }, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for c in text.utf8 {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            var carry = v
            for i in 0..<bytes.count {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xff)
                carry >>= 8
            }
            while carry > 0 { bytes.append(UInt8(carry & 0xff)); carry >>= 8 }
        }
        let zeros = text.utf8.prefix(while: { $0 == UInt8(ascii: "1") }).count
        let data = [UInt8](repeating: 0, count: zeros) + bytes.reversed()
        guard data.count >= 4 else { return nil }
        let payload = Array(data.dropLast(4))
        guard Array(Hashes.sha256d(payload).prefix(4)) == Array(data.suffix(4)) else { return nil }
        return payload
    }
}
