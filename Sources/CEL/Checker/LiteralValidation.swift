/// Constant arguments that would fail every evaluation, found at compile time (cel-go's
/// `ValidateDurationLiterals`, `ValidateTimestampLiterals`, `ValidateRegexLiterals`):
/// `duration('24x')`, `timestamp('2024-13-01T00:00:00Z')`, `name.matches('[')`. A workflow
/// with such a guard is refused when the home loads rather than when a ticket reaches it.
enum LiteralValidation {
  /// Issues for every invalid literal argument in the tree, in source order.
  static func issues(in root: Expr) -> [CheckerIssue] {
    var found: [CheckerIssue] = []
    visit(root, &found)
    return found
  }

  private static func visit(_ e: Expr, _ found: inout [CheckerIssue]) {
    switch e.kind {
    case .literal, .ident:
      return
    case .select(let operand, _, _, _):
      visit(operand, &found)
    case .call(let function, let target, let args):
      if let issue = validate(function, target: target, args: args) { found.append(issue) }
      if let target { visit(target, &found) }
      for arg in args { visit(arg, &found) }
    case .createList(let elements, _):
      for element in elements { visit(element, &found) }
    case .createMap(let entries):
      for entry in entries {
        visit(entry.key, &found)
        visit(entry.value, &found)
      }
    case .comprehension(let c):
      for part in [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result] {
        visit(part, &found)
      }
    }
  }

  private static func validate(_ function: String, target: Expr?, args: [Expr]) -> CheckerIssue? {
    switch (function, target == nil, args.count) {
    case ("duration", true, 1):
      guard let (text, id) = stringLiteral(args[0]) else { return nil }
      return CELDuration(parsing: text) == nil
        ? CheckerDiagnostics.invalidLiteral(function, at: id) : nil
    case ("timestamp", true, 1):
      guard let (text, id) = stringLiteral(args[0]) else { return nil }
      return CELTimestamp(parsing: text) == nil
        ? CheckerDiagnostics.invalidLiteral(function, at: id) : nil
    case ("matches", false, 1), ("matches", true, 2):
      // The empty pattern matches everything (the interpreter special-cases it too).
      guard let (pattern, id) = stringLiteral(args[args.count - 1]), !pattern.isEmpty else {
        return nil
      }
      if case .failure = RegexCache.shared.regex(pattern) {
        return CheckerDiagnostics.invalidLiteral(function, at: id)
      }
      return nil
    default:
      return nil
    }
  }

  private static func stringLiteral(_ e: Expr) -> (String, ExprID)? {
    if case .literal(.string(let s)) = e.kind { return (s, e.id) }
    return nil
  }
}
