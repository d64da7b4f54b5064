/// `addr(ADDRESS)` (BIP-385).
extension DescriptorParser {
    mutating func parseAddress() throws(DescriptorError) -> DescriptorNode {
        let start = pos
        _ = readUntilClose()
        throw DescriptorError(.unsupported("addr()", why: "needs the shared address codec, not merged yet"), at: start)
    }
}
