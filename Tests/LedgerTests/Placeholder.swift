import Testing
@testable import Ledger

@Test func LedgerModuleLinks() { #expect(Bool(true)) }
