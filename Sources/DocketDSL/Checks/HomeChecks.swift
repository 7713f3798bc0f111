import DocketDiagnostics
import DocketModel

/// Checks across the files of a home: id prefixes shared by two workflows, and roles that
/// staff hold but no workflow declares, or that a workflow declares but nobody holds.
package enum HomeChecks {
  package static func check(
    workflows: [DecodedWorkflow], staff: Staff, staffRoles: [Located<String>],
    into bag: inout DiagnosticBag
  ) {
    var prefixes: [String: (WorkflowID, SourceSpan?)] = [:]
    for decoded in workflows {
      let workflow = decoded.definition
      guard !workflow.prefix.isEmpty else { continue }
      if let (other, first) = prefixes[workflow.prefix] {
        bag.add(
          .duplicatePrefix(
            workflow.prefix, other: other.rawValue, at: decoded.prefixSpan ?? fileStart(workflow),
            first: first))
      } else {
        prefixes[workflow.prefix] = (workflow.id, decoded.prefixSpan)
      }
    }
    let declared = Set(workflows.flatMap { $0.definition.roles.keys })
    let allDeclared = workflows.flatMap { $0.definition.roles.keys.map(\.rawValue) }
    for role in staffRoles where !declared.contains(RoleID(role.value)) {
      bag.add(.staffRoleUnknown(role.value, known: allDeclared, at: role.span))
    }
    let held = Set(staff.members.values.flatMap(\.roles))
    for decoded in workflows {
      for role in decoded.definition.roles.keys where !held.contains(role) {
        bag.add(
          .roleWithoutStaff(
            role.rawValue, at: decoded.roleSpans[role] ?? fileStart(decoded.definition)))
      }
    }
  }

  private static func fileStart(_ workflow: WorkflowDefinition) -> SourceSpan {
    SourceSpan(file: workflow.path, line: 1, column: 1)
  }
}

extension Diagnostic {
  static func duplicatePrefix(_ prefix: String, other: String, at span: SourceSpan, first: SourceSpan?)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "duplicate_prefix",
      "prefix '\(prefix)' is already used by workflow '\(other)'; instance ids would clash",
      at: span, notes: first.map { [Diagnostic.Note("'\(other)' uses it here", at: $0)] } ?? [])
  }

  static func staffRoleUnknown(_ role: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .warning(
      "unknown_staff_role", "no workflow declares role '\(role)'", at: span,
      suggestion: Suggestion.closest(to: role, in: known))
  }

  static func roleWithoutStaff(_ role: String, at span: SourceSpan) -> Diagnostic {
    .warning(
      "role_without_staff",
      "no staff member holds role '\(role)': tickets waiting for it would stay in its queue",
      at: span, help: "add the role to someone in staff.yaml")
  }
}
