import ArgumentParser
import Testing
@testable import ReserveCommands

/// Every command's `--help` explains itself with examples, in lines that ArgumentParser's
/// 80-column wrapping leaves as written.
struct HelpTextTests {
    /// Leaf commands as "group name" paths, with their configurations.
    static func leaves(_ command: any ParsableCommand.Type, path: [String] = []) -> [(String, CommandConfiguration)] {
        let configuration = command.configuration
        let name = configuration.commandName ?? ""
        let here = command == Reserve.self ? path : path + [name]
        if configuration.subcommands.isEmpty { return [(here.joined(separator: " "), configuration)] }
        return configuration.subcommands.flatMap { leaves($0, path: here) }
    }

    @Test func everyCommandHasExamples() {
        let all = Self.leaves(Reserve.self)
        #expect(all.count >= 34)
        for (name, configuration) in all {
            let discussion = configuration.discussion
            #expect(discussion.contains("\nExamples:\n  reserve ") || discussion.contains("\nExamples:\n  cat "),
                    "reserve \(name): no Examples block")
            let examples = discussion.components(separatedBy: "\nExamples:\n").last ?? ""
            #expect(examples.contains("reserve \(name)"), "reserve \(name): examples do not run it")
        }
    }

    @Test func discussionLinesFitWithoutRewrapping() {
        for (name, configuration) in Self.leaves(Reserve.self) {
            for line in configuration.discussion.split(separator: "\n") {
                #expect(line.count <= 76, "reserve \(name): \(line.count) columns: \(line)")
            }
        }
    }

    @Test func addressInspectKeepsItsOwnLineBreaks() throws {
        let help = AddressInspect.helpMessage(columns: 80)
        #expect(help.contains("\nand 2 addresses fit test, signet and regtest; bcrt1 is regtest.\n"))
        #expect(help.contains("  reserve address inspect --network main \\\n"))
    }
}
