import ArgumentParser
import DocketTestSupport
import Testing

@testable import DocketCLI

/// The reflection-free parser must build exactly what ArgumentParser builds, or leave the line
/// to it: over command lines generated from each grammar, with noise mixed in.
@Suite("Direct parsing")
struct DirectParsingTests {
  /// The parsed command's type and every stored value (property wrappers included), in the
  /// form that runs: an `advance` or `explain` command as its ``EventLine``.
  private func dumped(_ command: Any) -> String {
    var text = ""
    dump(runForm(command), to: &text)
    return text
  }

  /// Every grammar the direct parser reads, by command name.
  private var grammars: [(name: String, grammar: CommandGrammar)] {
    EventLine.Kind.allCases.map { ($0.rawValue, EventLine.grammar) }
      + DirectParsing.commands.map { ($0.configuration.commandName ?? "", $0.grammar) }
  }

  @Test("the staff's everyday lines are parsed without ArgumentParser", arguments: [
    ["advance", "CMP-000001", "resolve", "--set", "resolution=已处理", "--note", "好", "--as", "li.wei"],
    ["advance", "CMP-000001", "accept", "--json", "--now", "2026-03-02T09:00:00+08:00", "--home", "/h"],
    ["show", "CMP-000001"],
    ["new", "complaint", "--set", "customer=王女士", "--set", "category=noise"],
    ["assign", "CMP-000001", "--to", "zhao.lei"],
    ["history", "CMP-000001", "--json"],
    ["queue", "--as", "li.wei"],
    ["list", "--open", "--workflow", "complaint"],
    ["tick", "--now=2026-03-02T09:00:00+08:00"],
    ["explain", "CMP-000001", "resolve", "--set", "resolution=x"],
  ])
  func everydayLinesAreDirect(arguments: [String]) throws {
    let direct = try #require(DirectParsing.parse(arguments))
    let reference = try DocketCommand.parseAsRoot(arguments)
    #expect(dumped(direct) == dumped(reference))
  }

  @Test("what the grammar does not cover is left to ArgumentParser", arguments: [
    ["advance", "CMP-000001"],
    ["advance", "CMP-000001", "accept", "extra"],
    ["advance", "--help"],
    ["advance", "-h", "CMP-000001", "accept"],
    ["advance", "CMP-000001", "accept", "--note"],
    ["advance", "CMP-000001", "accept", "--note", "a", "--note", "b"],
    ["advance", "CMP-000001", "accept", "--note", "-x"],
    ["advance", "CMP-000001", "accept", "--set", "novalue"],
    ["advance", "CMP-000001", "accept", "--json=yes"],
    ["advance", "CMP-000001", "accept", "--json", "--json"],
    ["advance", "--", "CMP-000001", "accept"],
    ["advance", "CMP-000001", "accept", "--bogus", "x"],
    ["assign", "CMP-000001"],
    ["list", "--open", "--closed"],
    ["graph", "complaint"],
    ["frobnicate"],
    [],
  ])
  func othersFallBack(arguments: [String]) {
    #expect(DirectParsing.parse(arguments) == nil)
  }

  @Test("on generated lines the direct parse equals ArgumentParser's, or declines")
  func generatedLinesAgree() throws {
    var random = SplitMix64(state: 20261129)
    let values = ["CMP-000001", "x", "", "王女士", "a=b", "=b", "a=", "-x", "--json", "2026-03-02T09:00:00+08:00", "a b", "--", "-", "--note=y"]
    var direct = 0
    for (name, grammar) in grammars {
      let names = (grammar.options + CommandGrammar.globalOptions).sorted() + ["bogus"]
      let flags = (grammar.flags + CommandGrammar.globalFlags).sorted()
      for _ in 0..<400 {
        var line = [name]
        for _ in 0..<Int(random.next() % 7) {
          switch random.next() % 5 {
          case 0, 1: line.append(values[Int(random.next() % UInt64(values.count))])
          case 2: line.append("--" + flags[Int(random.next() % UInt64(flags.count))])
          case 3:
            line.append("--" + names[Int(random.next() % UInt64(names.count))])
            line.append(values[Int(random.next() % UInt64(values.count))])
          default:
            line.append(
              "--" + names[Int(random.next() % UInt64(names.count))] + "="
                + values[Int(random.next() % UInt64(values.count))])
          }
        }
        guard let parsed = DirectParsing.parse(line) else { continue }
        direct += 1
        do {
          let reference = try DocketCommand.parseAsRoot(line)
          #expect(dumped(parsed) == dumped(reference), "\(line)")
        } catch {
          Issue.record("\(line): taken directly, but ArgumentParser says: \(error)")
        }
      }
    }
    // The generator must reach the direct path often, or the comparison proves little.
    #expect(direct > 300, "only \(direct) generated lines were parsed directly")
    #expect(grammars.count == 9)
  }
}

/// The form of a parsed command that runs: an ``EventCommand`` runs as its ``EventLine``.
func runForm(_ command: Any) -> Any {
  (command as? any EventCommand)?.line ?? command
}
