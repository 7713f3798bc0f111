import DocketDiagnostics
import OrderedCollections

/// A person who may act on tickets, from `staff.yaml`.
public struct StaffMember: Sendable, Hashable {
  public var id: UserID
  /// Display name (any language).
  public var name: String
  public var roles: [RoleID]
  public var span: SourceSpan?

  public init(id: UserID, name: String, roles: [RoleID], span: SourceSpan? = nil) {
    self.id = id
    self.name = name
    self.roles = roles
    self.span = span
  }

  public func holds(_ role: RoleID) -> Bool { roles.contains(role) }
}

/// Everyone listed in `staff.yaml`, in file order.
public struct Staff: Sendable {
  public var members: OrderedDictionary<UserID, StaffMember>

  public init(members: OrderedDictionary<UserID, StaffMember> = [:]) {
    self.members = members
  }

  public subscript(id: UserID) -> StaffMember? { members[id] }

  /// The people holding a role, in file order.
  public func holding(_ role: RoleID) -> [StaffMember] {
    members.values.filter { $0.holds(role) }
  }
}
