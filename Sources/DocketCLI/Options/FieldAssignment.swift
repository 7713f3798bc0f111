import ArgumentParser
import DocketModel

/// One `--set K=V`: a field name and the text of its value, parsed later by the field's type.
struct FieldAssignment: ExpressibleByArgument, Sendable, Equatable {
  var name: String
  var text: String

  init?(argument: String) {
    guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
    name = argument[..<eq].trimmingSpaces()
    text = String(argument[argument.index(after: eq)...])
    guard !name.isEmpty else { return nil }
  }

  static var defaultCompletionKind: CompletionKind { .default }
}

/// One `--var NAME=JSON` of `docket eval`.
struct VariableBinding: ExpressibleByArgument, Sendable, Equatable {
  var name: String
  var json: String

  init?(argument: String) {
    guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
    name = argument[..<eq].trimmingSpaces()
    json = String(argument[argument.index(after: eq)...])
    guard !name.isEmpty else { return nil }
  }
}
