import ArgumentParser
import DocketDSL
import DocketDiagnostics
import DocketModel
import DocketScenarios
import Foundation

extension DocketCommand {
  /// `docket schema [KIND...] [--out DIR]`: the JSON Schemas of the definition files, for
  /// editors that complete keys and flag mistakes as the owner types (docs/dsl.md).
  struct Schema: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "schema",
      abstract: "Write JSON Schemas for workflow, rule, staff, settings, calendar and fixture files.",
      discussion: """
        Without --out, prints the schema of one KIND, or all of them as one JSON object keyed \
        by file name. With --out DIR, writes DIR/<kind>.schema.json for each (all by default).
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "workflow, rule, staff, settings, calendar or fixture (default: all)")
    var kinds: [String] = []

    @Option(name: .long, help: "Write the schema files into this folder (created if missing).")
    var out: String?

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let documents = try selected()
      if let out { return try write(documents, to: out) }
      if documents.count == 1, let only = documents.first {
        return CommandOutput(
          text: SchemaRenderer.render(only), json: SchemaRenderer.json(only).jsonValue)
      }
      let all = OrderedJSON.object(documents.map { ($0.fileName, SchemaRenderer.json($0)) })
      return CommandOutput(text: all.text() + "\n", json: all.jsonValue)
    }

    private func selected() throws(CommandFailure) -> [SchemaDocument] {
      let all = HomeSchemas.all
      guard !kinds.isEmpty else { return all }
      var out: [SchemaDocument] = []
      for kind in kinds {
        guard let document = all.first(where: { $0.name == kind }) else {
          let names = all.map(\.name)
          let hint = Suggestion.closest(to: kind, in: names).map { " (did you mean '\($0)'?)" } ?? ""
          throw .usage(
            "no schema '\(kind)'\(hint); kinds: " + names.joined(separator: ", "))
        }
        out.append(document)
      }
      return out
    }

    private func write(_ documents: [SchemaDocument], to folder: String) throws(CommandFailure)
      -> CommandOutput
    {
      let url = URL(fileURLWithPath: folder)
      var written: [String] = []
      do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for document in documents {
          let file = url.appendingPathComponent(document.fileName)
          try Data(SchemaRenderer.render(document).utf8).write(to: file, options: .atomic)
          written.append((folder as NSString).appendingPathComponent(document.fileName))
        }
      } catch {
        throw CommandFailure(
          code: "storage", message: "cannot write schemas into '\(folder)': \(error.localizedDescription)",
          status: .storage)
      }
      return CommandOutput(
        text: written.map { "wrote \($0)\n" }.joined(),
        json: .object(["written": .array(written.map(JSONValue.string))]))
    }
  }
}
