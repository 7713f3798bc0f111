import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket graph WORKFLOW [--format dot|mermaid]`: the workflow as a picture's source.
  struct Graph: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "graph",
      abstract: "Print a workflow as a Graphviz (DOT) or Mermaid diagram.",
      discussion: """
        States with labels, who holds them and their deadlines; events as arrows with their \
        roles (by), guards (if) and branches; the initial state marked, final states as \
        double circles; workflow deadlines in a note. Render DOT with Graphviz: \
        docket graph complaint | dot -Tsvg > complaint.svg
        """)

    /// The diagram languages `--format` accepts.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case dot, mermaid
    }

    @Argument(help: "The workflow id (a file stem in workflows/).") var workflow: String
    @Option(help: "dot (Graphviz, the default) or mermaid.") var format: Format = .dot
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let session = try context.openSession(for: .allWorkflows)
      guard let definition = session.home.workflows[WorkflowID(workflow)] else {
        throw CommandFailure(
          code: "unknown_workflow", message: UnknownWorkflow.message(workflow, in: session.home),
          status: .usage)
      }
      let graph = WorkflowGraph(definition)
      let text = format == .dot ? graph.dot : graph.mermaid
      return CommandOutput(
        text: text,
        json: .object([
          "workflow": .string(workflow), "format": .string(format.rawValue), "text": .string(text),
        ]))
    }
  }
}
