import CEL
import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Compiles every CEL expression of one workflow against one environment, reporting CEL
/// problems at absolute file positions.
///
/// The environment declares each field by its ``FieldType/celType``, `now: timestamp`,
/// `instance: map(string, dyn)`, `actor: map(string, dyn)` and `event: string` (contract §3).
/// Rule expressions also see every lookup of the home as a function (`functions`); workflow
/// expressions do not. Equal sources share one compiled program, so a repeated
/// `chase_count + 1` costs one compile.
package final class ExpressionCompiler {
  /// The variables every expression sees besides the fields; field names may not shadow them.
  package static var builtInVariables: OrderedDictionary<String, CELType> {
    ExpressionVariables.builtIns
  }

  /// What an expression is for, which decides the type it must have.
  package enum Purpose {
    /// A guard or branch condition: must be `bool`.
    case condition
    /// A `set` value: must be assignable to the field's type.
    case value(FieldDefinition)
    /// A `${...}` placeholder: any type.
    case any
  }

  /// The CEL environment of one workflow's expressions with the programs compiled in it so
  /// far, built once and shared by every file compiled against that workflow (its own file
  /// and each rule that applies to it): equal sources compile to equal programs whichever
  /// file they are in, and a command loads definitions afresh, so rebuilding the environment
  /// per rule was pure cost.
  package final class Environment {
    let prepared: PreparedCELEnvironment
    private var programs: [String: Result<CELProgram, CELIssues>] = [:]

    package init(fields: some Sequence<FieldDefinition>, functions: [CELFunction] = []) {
      prepared = PreparedCELEnvironment(
        CELEnvironment(
          variables: ExpressionVariables.declarations(for: fields), functions: functions))
    }

    /// `source` compiled in this environment, once however often it is asked for.
    func compiled(_ source: String) -> Result<CELProgram, CELIssues> {
      if let cached = programs[source] { return cached }
      let result = prepared.compile(source)
      programs[source] = result
      return result
    }
  }

  package var environment: CELEnvironment { shared.prepared.environment }
  private let shared: Environment
  private let reader: NodeReader

  package convenience init(
    fields: some Sequence<FieldDefinition>, functions: [CELFunction] = [], reader: NodeReader
  ) {
    self.init(environment: Environment(fields: fields, functions: functions), reader: reader)
  }

  /// A compiler for the file of `reader` in an environment shared with other files.
  package init(environment: Environment, reader: NodeReader) {
    shared = environment
    self.reader = reader
  }

  /// The compiled expression of a scalar node, or nil (with diagnostics) when it is not text,
  /// does not compile, or has the wrong type for `purpose`.
  package func compile(_ node: YAMLNode, _ what: String, as purpose: Purpose)
    -> CompiledExpression?
  {
    guard let text = reader.string(node, what),
      let embedded = EmbeddedExpression(node, in: reader.file)
    else { return nil }
    if text.value.allSatisfy(\.isWhitespace) {
      reader.bag.add(.emptyExpression(what, at: node.span))
      return nil
    }
    return compile(text.value, in: embedded, from: 0, what, as: purpose)
  }

  /// Compiles `source`, which starts at offset `base` of the embedded scalar (0 for a whole
  /// scalar, past `${` for a template placeholder).
  package func compile(
    _ source: String, in embedded: EmbeddedExpression, from base: Int, _ what: String,
    as purpose: Purpose
  ) -> CompiledExpression? {
    let result = shared.compiled(source)
    let start = SourceSpan(file: reader.file.path, start: embedded.position(ofOffset: base))
    switch result {
    case .failure(let issues):
      for issue in issues.issues {
        let range = (base + issue.range.lowerBound)..<(base + issue.range.upperBound)
        reader.bag.add(.celIssue(issue, at: embedded.span(of: range)))
      }
      return nil
    case .success(let program):
      guard check(program.resultType, for: purpose, what, at: start) else { return nil }
      return CompiledExpression(source: source, program: program, span: start)
    }
  }

  private func check(_ type: CELType, for purpose: Purpose, _ what: String, at span: SourceSpan)
    -> Bool
  {
    switch purpose {
    case .any:
      return true
    case .condition:
      guard Self.isAssignable(type, to: .bool) else {
        reader.bag.add(.celNotBool(what, type: type, at: span))
        return false
      }
      return true
    case .value(let field):
      guard Self.isAssignable(type, to: field.type.celType) else {
        reader.bag.add(.celWrongFieldType(field, type: type, at: span))
        return false
      }
      return true
    }
  }

  /// Whether a value of CEL type `type` may be stored where `target` is expected: equal types,
  /// `dyn` on either side, `null` (clears a field), and an int into a number (double) field.
  package static func isAssignable(_ type: CELType, to target: CELType) -> Bool {
    switch (type, target) {
    case (.dyn, _), (_, .dyn), (.null, _), (.error, _): return true
    case (.int, .double): return true
    case (.list(let a), .list(let b)): return isAssignable(a, to: b)
    case (.map(let k1, let v1), .map(let k2, let v2)):
      return isAssignable(k1, to: k2) && isAssignable(v1, to: v2)
    default: return type == target
    }
  }
}
