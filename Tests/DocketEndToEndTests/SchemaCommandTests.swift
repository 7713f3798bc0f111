import DocketTestSupport
import Foundation
import Testing

/// `docket schema`: the JSON Schemas editors use, as the built binary writes them.
@Suite("docket schema")
struct SchemaCommandTests {
  static let kinds = ["workflow", "rule", "staff", "settings", "calendar", "fixture"]

  @Test("--out writes every schema, byte for byte the committed schemas/")
  func writesTheCommittedSchemas() throws {
    let home = try TemporaryHome()
    let result = try home.docket("schema", "--out", "out")
    #expect(result.status == 0, "\(result)")
    for kind in Self.kinds {
      #expect(result.stdout.contains("wrote out/\(kind).schema.json"), "\(result)")
      let written = home.read("out/\(kind).schema.json")
      let committed = try String(
        contentsOf: TemporaryHome.repositoryRoot.appendingPathComponent("schemas/\(kind).schema.json"),
        encoding: .utf8)
      #expect(written == committed, "schemas/\(kind).schema.json is stale: run `docket schema --out schemas`")
    }
  }

  @Test("one kind prints that schema; --json prints it as the document")
  func printsOneKind() throws {
    let home = try TemporaryHome()
    let text = try home.docket("schema", "staff")
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    let json = try home.docket("schema", "staff", "--json").json
    #expect(json?["title"] as? String == "Docket staff (staff.yaml)")
  }

  @Test("an unknown kind is a usage error with a suggestion")
  func unknownKind() throws {
    let home = try TemporaryHome()
    let result = try home.docket("schema", "workflw")
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("did you mean 'workflow'?"), "\(result)")
  }
}
