import CEL
import DocketEngine
import DocketModel
import Foundation
import Testing

/// A guard reading `instance.state` gets the field straight from the ticket instead of the
/// whole `instance` map; both ways must always give the same value.
@Suite("Selecting a field of instance or actor")
struct InstanceSelectionTests {
  @Test("instance.x and actor.x read directly equal the same keys of the whole maps")
  func directSelectionEqualsTheMap() throws {
    let desk = try Desk()
    let created = try desk.new().get()
    let handled = try desk.advance(created.id, "accept").get()
    let scope = try desk.engine.expressionScope(for: handled, actor: "wang.fang", at: desk.now).get()
    let environment = CELEnvironment(variables: scope.declarations)
    let keys = ["id", "workflow", "state", "status", "created_at", "assignee", "deadlines"]
    for key in keys {
      let direct = try environment.compile("instance.\(key)").get().evaluate(scope.activation)
      let fromMap = try environment.compile("instance[\"\(key)\"]").get().evaluate(scope.activation)
      #expect(direct == fromMap, "instance.\(key)")
      if case .error = direct { Issue.record("instance.\(key) failed: \(direct)") }
    }
    for key in ["user", "roles"] {
      let direct = try environment.compile("actor.\(key)").get().evaluate(scope.activation)
      let fromMap = try environment.compile("actor[\"\(key)\"]").get().evaluate(scope.activation)
      #expect(direct == fromMap, "actor.\(key)")
    }
    let state = try environment.compile("instance.state").get().evaluate(scope.activation)
    #expect(state == .string("handling"))
    // A field the shortcut does not know is still selected from the map.
    let missing = try environment.compile("instance.nope").get().evaluate(scope.activation)
    guard case .error(let error) = missing else {
      Issue.record("instance.nope gave \(missing)")
      return
    }
    #expect(error.message.contains("nope"))
  }
}
