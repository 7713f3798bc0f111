import ArgumentParser
import CEL
import DocketModel
import Foundation

extension DocketCommand {
  /// `docket eval EXPR`: try a CEL expression before putting it in a workflow file.
  struct Eval: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "eval",
      abstract: "Evaluate a CEL expression (exit 1 with eval_error if it fails).",
      discussion: """
        With --id the expression sees that ticket's fields, `instance`, `actor` (--as, else \
        `system`) and `now` exactly as a guard would: the engine itself binds them. --var binds a variable to a JSON value (`--var n=3`, `--var tags='["a"]'`). \
        `now` is always bound (to --now when given). With --json the value is printed in CEL's \
        typed encoding: {"value": {"int": "3"}}.
        """)

    @Argument(help: "The expression, e.g. 'visits + 1 > 2'.") var expression: String
    @Option(name: .customLong("var"), help: ArgumentHelp("Bind a variable.", valueName: "name=json"))
    var variables: [VariableBinding] = []
    @Option(help: ArgumentHelp("Evaluate against this ticket.", valueName: "id")) var id: String?
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      var scope = EvaluationScope()
      if let id {
        let ticket = try TicketID.parse(id)
        let session = try context.openSession(for: .allWorkflows)
        try context.checkActor(in: session.home)
        scope = try session.evaluationScope(for: ticket, actor: context.options.actor)
      } else if let now = CELTimestamp(
        seconds: Int64(context.now.timeIntervalSince1970.rounded(.down)))
      {
        scope.types["now"] = .timestamp
        scope.values["now"] = .timestamp(now)
      }
      for binding in variables {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(binding.json.utf8))
        else {
          throw .usage("--var \(binding.name): '\(binding.json)' is not JSON (quote strings: '\"text\"')")
        }
        scope.values[binding.name] = json.celValue
        scope.types[binding.name] = .dyn
      }
      let value = try Self.evaluate(expression, in: scope)
      return CommandOutput(
        text: CELDisplay.text(value) + "\n",
        json: .object(["value": CELDisplay.json(value.typedJSON)]))
    }

    /// Compiles with the scope's declared types (so type errors show as a guard's would) and
    /// evaluates; compile issues and evaluation errors are `eval_error`.
    static func evaluate(_ expression: String, in scope: EvaluationScope) throws(CommandFailure)
      -> CELValue
    {
      let env = CELEnvironment(variables: scope.types)
      switch env.compile(expression) {
      case .failure(let issues):
        throw evalError(issues.issues.map { "\($0.line):\($0.column): \($0.message)" }
          .joined(separator: "; "), expression: expression, column: issues.first?.column)
      case .success(let program):
        let value = program.evaluate(scope)
        if case .error(let error) = value {
          throw evalError(error.message, expression: expression,
            column: program.position(of: error)?.column)
        }
        return value
      }
    }

    private static func evalError(_ message: String, expression: String, column: Int?)
      -> CommandFailure
    {
      var text = message
      if let column, !expression.contains("\n") {
        text += "\n   | \(expression)\n   | \(String(repeating: " ", count: max(0, column - 1)))^"
      }
      return CommandFailure(code: "eval_error", message: text, status: .refused)
    }
  }
}
