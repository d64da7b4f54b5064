import Testing
@testable import ReserveCommands

@Test func ReserveCommandsModuleLinks() { #expect(Bool(true)) }
