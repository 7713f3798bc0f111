import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Reads `staff.yaml`: user id -> `{ name, roles }`. `system` is reserved for deadline and rule
/// actions, so nobody may be called that.
package struct StaffDecoder {
  static let fileKeys = ["staff"]
  static let memberKeys = ["name", "roles"]

  let reader: NodeReader

  package init(reader: NodeReader) {
    self.reader = reader
  }

  /// The staff of `root`; empty (with diagnostics) when the file is unusable.
  package func decode(_ root: YAMLNode?) -> Staff {
    guard let root else {
      reader.bag.add(
        .missingKey("staff", in: "staff.yaml", at: SourceSpan(file: reader.file.path, line: 1, column: 1)))
      return Staff()
    }
    guard let map = reader.mapping(root, "staff.yaml", keys: Self.fileKeys),
      let node = reader.required(map, "staff", in: "staff.yaml"),
      let entries = reader.namedEntries(node, "'staff'")
    else { return Staff() }
    var members: OrderedDictionary<UserID, StaffMember> = [:]
    for (id, value) in entries.entries {
      if id.value == UserID.system.rawValue {
        reader.bag.add(.reservedUserID(at: id.span))
      } else if !IdentifierSyntax.isName(id.value) {
        reader.bag.add(.invalidID("user id", id.value, rule: WorkflowDecoder.nameRule, at: id.span))
      }
      let what = "staff member '\(id.value)'"
      guard let member = reader.mapping(value, what, keys: Self.memberKeys) else { continue }
      let name = reader.string(in: member, "name", required: true, of: what)?.value ?? id.value
      let roles = (reader.strings(in: member, "roles", required: true, of: what) ?? []).map {
        RoleID($0.value)
      }
      if members[UserID(id.value)] == nil {
        members[UserID(id.value)] = StaffMember(
          id: UserID(id.value), name: name, roles: roles, span: id.span)
      }
    }
    return Staff(members: members)
  }

  /// Every role a staff member holds, with where it is written (for the unknown-role warning).
  package func roleReferences(_ root: YAMLNode?) -> [Located<String>] {
    guard let staff = root?.pairs?.first(where: { $0.key.scalar?.text == "staff" })?.value.pairs
    else { return [] }
    var out: [Located<String>] = []
    for member in staff {
      let roles = member.value.pairs?.first { $0.key.scalar?.text == "roles" }?.value.sequence ?? []
      for role in roles {
        if let text = role.scalar?.text { out.append(Located(text, at: role.span)) }
      }
    }
    return out
  }
}

extension Diagnostic {
  static func reservedUserID(at span: SourceSpan) -> Diagnostic {
    .error(
      "reserved_user_id", "'system' is reserved for deadline and rule actions", at: span,
      help: "give this person another id")
  }
}
