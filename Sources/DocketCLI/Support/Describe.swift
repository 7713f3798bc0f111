import DocketDiagnostics
import DocketModel

/// Short display names for one ticket, for the one-line confirmations of `new`, `advance`
/// and `assign`.
struct Describe {
  var title: String
  var state: String
  var owner: String

  init(home: Home, instance: Instance) {
    let definition = home.definition(for: instance)
    title = definition?.displayName ?? instance.workflow.rawValue
    state = definition?.states[instance.state]?.label ?? instance.state.rawValue
    let role = instance.assignee.role.map { definition?.roles[$0] ?? $0.rawValue }
    switch (instance.assignee.user, role) {
    case (let user?, _): owner = home.staff[user]?.name ?? user.rawValue
    case (nil, let role?): owner = "queue of \(role)"
    case (nil, nil): owner = "nobody"
    }
  }
}

/// Ticket ids from the command line, checked before any file path is built from them.
enum TicketID {
  /// A well-formed id (`CMP-000001`), or `unknown_id`: an id with `/`, `..` or any other
  /// path trick can never name a ticket, so it is refused like any id that does not exist.
  static func parse(_ text: String) throws(CommandFailure) -> InstanceID {
    let id = InstanceID(text)
    guard id.isWellFormed else { throw .unknownID(text) }
    return id
  }
}

enum StaffLookup {
  static func suggestion(for user: UserID, in home: Home) -> String? {
    Suggestion.closest(to: user.rawValue, in: home.staff.members.keys.map(\.rawValue))
  }
}
