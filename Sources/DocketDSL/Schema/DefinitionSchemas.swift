/// JSON Schemas for the definition files DocketDSL reads, for editors (`docket schema`).
///
/// Each is described once, in Swift, on the decoders' own key lists; fixture files are
/// described beside their decoder in DocketScenarios.
package enum DefinitionSchemas {
  /// Workflow, rule, staff, settings and calendar schemas, in that order.
  package static let all: [SchemaDocument] = [workflow, rules, staff, settings, calendar]
}
