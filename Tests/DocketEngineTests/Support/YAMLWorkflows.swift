import DocketDSL
import DocketModel
import Foundation
import OrderedCollections
import Testing

/// The repository root, which is itself a home (contract §1).
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A workflow decoded from YAML text by the real loader; loader errors fail the test.
func yamlWorkflow(_ text: String, id: String, sourceLocation: SourceLocation = #_sourceLocation)
  throws -> WorkflowDefinition
{
  let (definition, diagnostics, _) = HomeLoader.decodeWorkflow(
    text: text, path: "workflows/\(id).yaml")
  for d in diagnostics.errors {
    Issue.record("\(d.span?.description ?? id): \(d.message)", sourceLocation: sourceLocation)
  }
  return try #require(definition, sourceLocation: sourceLocation)
}
