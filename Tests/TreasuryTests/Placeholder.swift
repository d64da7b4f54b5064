import Testing
@testable import Treasury

@Test func TreasuryModuleLinks() { #expect(Bool(true)) }
