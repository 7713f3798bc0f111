import DocketDSL
import DocketModel
import DocketTestSupport
import Foundation
import Testing

/// A compiled home must read back as the very definitions the YAML loads to, whole or in part,
/// and a damaged one must be refused (the caller then loads the YAML), never crash.
@Suite("The compiled home")
struct CompiledHomeTests {
  static let homes: [URL] = [
    TemporaryHome.repositoryRoot,
    TemporaryHome.repositoryRoot.appendingPathComponent("examples/helpdesk"),
    TemporaryHome.repositoryRoot.appendingPathComponent("examples/leave"),
  ]

  static func load(_ url: URL, only subset: HomeSubset? = nil) throws -> Home {
    let loaded = HomeLoader.load(try HomeFiles.read(home: url), only: subset)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.errors)")
    return loaded.home
  }

  @Test("reads back as what it was written from", arguments: homes)
  func roundTrip(_ url: URL) throws {
    let home = try Self.load(url)
    let bytes = CompiledHome.encode(home, key: "k")
    let decoded = CompiledHome.decode(bytes, key: "k")
    try #require(decoded != nil)
    guard let read = decoded else { return }
    #expect(CompiledHome.encode(read, key: "k") == bytes)
    #expect(read.workflows.keys == home.workflows.keys)
    #expect(read.rules.map(\.id) == home.rules.map(\.id))
    #expect(read.lookups.keys == home.lookups.keys)
    #expect(read.calendars.keys.sorted() == home.calendars.keys.sorted())
    #expect(read.settings.timeZone == home.settings.timeZone)
  }

  @Test("a part reads back as the YAML's same part", arguments: homes)
  func partsMatchPartialLoads(_ url: URL) throws {
    let home = try Self.load(url)
    let bytes = CompiledHome.encode(home, key: "k")
    // Parts as commands ask for them: a workflow with every workflow its rules start (a
    // part that left one out would drop the `start` actions naming it from the YAML's part).
    var subsets = home.workflows.keys.map {
      HomeSubset(workflows: Self.closure(of: $0, in: home), calendars: [])
    }
    subsets.append(HomeSubset(workflows: Self.closure(of: home.workflows.keys[0], in: home)))
    for subset in subsets {
      let fromYAML = try Self.load(url, only: subset)
      let decoded = CompiledHome.decode(bytes, key: "k", only: subset)
      try #require(decoded != nil, "subset \(subset.workflows.sorted())")
      guard let fromCompiled = decoded else { return }
      #expect(
        CompiledHome.encode(fromCompiled, key: "k") == CompiledHome.encode(fromYAML, key: "k"),
        "subset \(subset.workflows.sorted()) \(Self.differences(fromCompiled, fromYAML))")
      // Equal encodings say the same definitions; the rules' bodies must also be there.
      #expect(fromCompiled.rules.map(\.bodies.count) == fromYAML.rules.map(\.bodies.count))
    }
  }

  /// `workflow` and every workflow a rule of the ones reached starts, by file stem.
  static func closure(of workflow: WorkflowID, in home: Home) -> Set<String> {
    var reached: Set<WorkflowID> = [workflow]
    var changed = true
    while changed {
      changed = false
      for rule in home.rules {
        for (id, body) in rule.bodies where reached.contains(id) {
          for case .start(let start, _) in body.actions where reached.insert(start.workflow).inserted {
            changed = true
          }
        }
      }
    }
    return Set(reached.map(\.rawValue))
  }

  /// What differs between two homes, to say where a read went wrong.
  static func differences(_ a: Home, _ b: Home) -> [String] {
    func bytes(_ home: Home) -> [UInt8] { CompiledHome.encode(home, key: "k") }
    var out: [String] = []
    if a.workflows.keys != b.workflows.keys { out.append("workflows \(a.workflows.keys) \(b.workflows.keys)") }
    if a.calendars.keys.sorted() != b.calendars.keys.sorted() { out.append("calendars \(a.calendars.keys.sorted()) \(b.calendars.keys.sorted())") }
    if a.lookups.keys != b.lookups.keys { out.append("lookups \(a.lookups.keys) \(b.lookups.keys)") }
    if a.rules.map(\.id) != b.rules.map(\.id) { out.append("rules \(a.rules.map(\.id)) \(b.rules.map(\.id))") }
    for (x, y) in zip(a.rules, b.rules) where bytes(Home(rules: [x])) != bytes(Home(rules: [y])) {
      out.append("rule \(x.id): \(x.bodies.keys.sorted()) \(y.bodies.keys.sorted())")
    }
    return out
  }

  @Test func aCompiledExpressionEvaluatesAsTheLoadedOne() throws {
    let home = try Self.load(TemporaryHome.repositoryRoot)
    let read = try #require(CompiledHome.decode(CompiledHome.encode(home, key: "k"), key: "k"))
    var compared = 0
    for (id, workflow) in home.workflows {
      for (state, definition) in workflow.states {
        for (event, transition) in definition.transitions {
          guard let loaded = transition.guardCondition,
            let other = read.workflows[id]?.states[state]?.transitions[event]?.guardCondition
          else { continue }
          #expect(other.expression.source == loaded.expression.source)
          #expect(other.expression.program.resultType == loaded.expression.program.resultType)
          #expect(other.expression.span == loaded.expression.span)
          #expect(other.message == loaded.message)
          compared += 1
        }
      }
    }
    #expect(compared > 3)
  }

  @Test func anotherKeyIsRefused() throws {
    let bytes = CompiledHome.encode(try Self.load(TemporaryHome.repositoryRoot), key: "k")
    #expect(CompiledHome.decode(bytes, key: "other") == nil)
    #expect(CompiledHome.decode(bytes, key: "") == nil)
    #expect(CompiledHome.decode([], key: "k") == nil)
  }

  @Test func damagedBytesAreRefusedWithoutCrashing() throws {
    let bytes = CompiledHome.encode(try Self.load(TemporaryHome.repositoryRoot), key: "k")
    // Every way of cutting it short (sampled) fails: the last section must end the file.
    for length in stride(from: 0, to: bytes.count, by: 211) {
      #expect(CompiledHome.decode(Array(bytes.prefix(length)), key: "k") == nil)
    }
    #expect(CompiledHome.decode(bytes + [0], key: "k") == nil)
    // Flipped bytes may happen to read as another valid home; they must never crash or hang.
    var random = SplitMix64(state: 0xD0C4E7)
    for _ in 0..<300 {
      var damaged = bytes
      let at = Int.random(in: 0..<damaged.count, using: &random)
      damaged[at] = UInt8.random(in: 0...255, using: &random)
      _ = CompiledHome.decode(damaged, key: "k")
    }
  }
}
