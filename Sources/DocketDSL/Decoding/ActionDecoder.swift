import DocketDiagnostics
import DocketModel

/// Reads the actions of a deadline's `breach:` and `warn:`: `{event}`, `{assign}`,
/// `{notify: [roles], message}` and `{set: {...}}`, one kind per action.
///
/// Rule actions (`start`, `advance`) extend the same vocabulary (`ActionDecoder+Rules.swift`).
package struct ActionDecoder {
  package static let kinds = ["event", "assign", "notify", "set"]
  package static let keys = kinds + ["message"]

  let context: DecodingContext
  var reader: NodeReader { context.reader }

  package init(context: DecodingContext) {
    self.context = context
  }

  /// A list of actions.
  package func actions(_ node: YAMLNode, _ what: String) -> [ActionDefinition] {
    guard let items = reader.list(node, what) else { return [] }
    return items.compactMap { item in
      reader.mapping(item, "an action", keys: Self.keys).flatMap { action(in: $0, item) }
    }
  }

  /// The one action written in `map` (whose other keys the caller has vetted).
  package func action(in map: YAMLMap, _ node: YAMLNode) -> ActionDefinition? {
    let present = Self.kinds.filter { map.has($0) }
    guard present.count == 1, let kind = present.first, let value = map[kind] else {
      reader.bag.add(.actionNeedsOneKind(present, at: node.span))
      return nil
    }
    if kind != "notify", let span = map.keySpan("message") {
      reader.bag.add(.messageWithoutNotify(at: span))
    }
    return sharedAction(kind, value, in: map)
  }

  /// An action of a kind deadlines and rules share (`event`, `assign`, `notify`, `set`),
  /// acting on the ticket whose workflow ``context`` describes.
  func sharedAction(_ kind: String, _ value: YAMLNode, in map: YAMLMap) -> ActionDefinition? {
    switch kind {
    case "event":
      return reader.string(value, "'event'").map {
        .fire(EventName($0.value), target: .self, span: $0.span)
      }
    case "assign":
      return reader.string(value, "'assign'").map {
        .assign(context.names.role($0, into: &reader.bag), span: $0.span)
      }
    case "notify":
      let roles = context.roles(value, "'notify'")
      let message = map["message"].flatMap {
        MessageTemplateParser(compiler: context.compiler, reader: reader).parse($0, "'message'")
      }
      return .notify(roles: roles, message: message, span: value.span)
    default:
      return .set(context.assignments(value), span: value.span)
    }
  }
}
