import DocketDiagnostics

/// Name resolution, after cel-go `common/containers` and `checker/env.go` `LookupIdent`:
/// comprehension variables shadow everything; other names are tried in the container from
/// the innermost namespace out (`a.b.x`, `a.x`, `x` for container `a.b`), and a leading dot
/// (`.x`) means the root namespace only.
extension Checker {
  /// A simple identifier: a comprehension variable, else a declared name.
  func lookupIdentifier(_ name: String) -> (name: String, type: CELType, isLocal: Bool)? {
    if !name.hasPrefix("."), let t = localType(name) { return (name, t, true) }
    return lookupGlobal(name).map { ($0.name, $0.type, false) }
  }

  /// A dotted chain `a.b.c` read as one name; nil when its first part is a comprehension
  /// variable (then the chain is a field selection on that variable).
  func lookupQualifiedName(_ name: String) -> (name: String, type: CELType, isLocal: Bool)? {
    if !name.hasPrefix("."), let first = name.split(separator: ".").first,
      localType(String(first)) != nil
    {
      return nil
    }
    return lookupGlobal(name).map { ($0.name, $0.type, false) }
  }

  /// A function by (possibly qualified) name.
  func lookupFunction(_ name: String) -> FunctionDeclaration? {
    for candidate in candidateNames(name) {
      if let f = declarations.function(named: candidate) { return f }
    }
    return nil
  }

  /// `a.b.c` for a chain of plain selections on an identifier; nil otherwise.
  func qualifiedName(of e: Expr) -> String? {
    switch e.kind {
    case .ident(let name):
      return name
    case .select(let operand, let field, false, false):
      return qualifiedName(of: operand).map { "\($0).\(field)" }
    default:
      return nil
    }
  }

  private func localType(_ name: String) -> CELType? {
    for scope in scopes.reversed() {
      if let t = scope[name] { return t }
    }
    return nil
  }

  private func lookupGlobal(_ name: String) -> (name: String, type: CELType)? {
    for candidate in candidateNames(name) {
      if let t = declarations.identifier(named: candidate) { return (candidate, t) }
    }
    return nil
  }

  /// The names `name` may stand for in the container, most qualified first.
  func candidateNames(_ name: String) -> [String] {
    if name.hasPrefix(".") { return [String(name.dropFirst())] }
    guard !container.isEmpty else { return [name] }
    var candidates: [String] = []
    var prefix = Substring(container)
    while true {
      candidates.append("\(prefix).\(name)")
      guard let dot = prefix.lastIndex(of: ".") else { break }
      prefix = prefix[..<dot]
    }
    candidates.append(name)
    return candidates
  }

  /// A declared name `name` is probably a typo of: comprehension variables first, then
  /// variables, in a fixed order so the hint never depends on hashing.
  func suggestIdentifier(for name: String) -> String? {
    let locals = scopes.reversed().flatMap { $0.keys.sorted() }
    let globals = declarations.identifierNames
    return Suggestion.closest(to: name, in: locals + globals)
  }

  /// A declared function `name` is probably a typo of (operators are never suggested).
  func suggestFunction(for name: String) -> String? {
    let names = declarations.functionNames.filter { $0.first?.isLetter ?? false }
    return Suggestion.closest(to: name, in: names)
  }
}
