import CEL
import DocketModel
import Synchronization

/// The CEL environment one workflow's expressions were checked in, for a compiled home's
/// expressions: built only when the first of them is evaluated, and each expression compiled
/// only when it is itself evaluated. A command on one ticket evaluates a handful of the
/// hundreds of expressions it reads, and building an environment costs more than reading the
/// whole workflow.
final class DeferredEnvironment: Sendable {
  private let fields: [FieldDefinition]
  private let functions: [CELFunction]
  private let built = Mutex<ExpressionCompiler.Environment?>(nil)

  /// The environment of `fields` (and, for rules, the home's lookups as `functions`), as
  /// ``ExpressionCompiler/Environment`` makes it at load time.
  init(fields: some Sequence<FieldDefinition>, functions: [CELFunction] = []) {
    self.fields = Array(fields)
    self.functions = functions
  }

  /// `source` as a program that compiles in this environment on its first evaluation.
  func program(for source: String) -> CELProgram {
    CELProgram.deferred(source: source) { [self] in compile(source) }
  }

  private func compile(_ source: String) -> Result<CELProgram, CELIssues> {
    built.withLock { built in
      let environment = built ?? ExpressionCompiler.Environment(fields: fields, functions: functions)
      built = environment
      return environment.compiled(source)
    }
  }
}
