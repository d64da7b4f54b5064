/// `addr(ADDRESS)` (BIP-385).
extension DescriptorParser {
    mutating func parseAddress() throws(DescriptorError) -> DescriptorNode {
        let start = pos
        let text = readUntilClose()
        let address: Address
        do { address = try Address.parse(text) } catch {
            if case .privateKey = error { throw DescriptorError(.privateKey(error.description), at: start) }
            throw DescriptorError(.invalidAddress("'\(text)': \(error)"), at: start)
        }
        try narrow(to: address.networks, what: "address \(text)", at: start)
        return .addr(text, scriptPubKey: address.scriptPubKey)
    }
}
