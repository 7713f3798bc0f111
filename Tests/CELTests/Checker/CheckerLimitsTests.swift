import Testing

@testable import CEL

/// The checker follows the tree the parser accepted; these inputs are as deep and as wide as
/// the parser allows, and must check without crashing or stalling.
@Suite struct CheckerLimitsTests {
  @Test func deeplyNestedListsGetTheirFullType() throws {
    let depth = 100
    let source = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
    let type = try CELEnvironment().compile(source).get().resultType
    var expected = CELType.int
    for _ in 0..<depth { expected = .list(expected) }
    #expect(type == expected)
  }

  @Test func deeplyNestedEmptyListsUnifyToDyn() throws {
    // Each empty list brings a fresh type variable; binding chains stay acyclic and finite.
    let inner = (1...60).map {
      String(repeating: "[", count: $0) + String(repeating: "]", count: $0)
    }
    let source = "[" + inner.joined(separator: ", ") + "]"
    let type = try CELEnvironment().compile(source).get().resultType
    #expect(type.description.hasSuffix("(dyn)" + String(repeating: ")", count: 60)))
  }

  @Test func nestedComprehensionsCheck() throws {
    let depth = 20
    var source = (0..<depth).map { "x\($0)" }.joined(separator: " + ")
    for i in (0..<depth).reversed() { source = "[1, 2].map(x\(i), \(source))" }
    let env = CELEnvironment()
    var expected = CELType.int
    for _ in 0..<depth { expected = .list(expected) }
    #expect(try env.compile(source).get().resultType == expected)
  }

  @Test func wideMixedLiteralsAreDynLists() throws {
    let elements = (0..<5000).map { $0 % 2 == 0 ? "\($0)" : "'\($0)'" }
    let type = try CELEnvironment().compile("[" + elements.joined(separator: ", ") + "]").get()
      .resultType
    #expect(type == .list(.dyn))
  }
}
