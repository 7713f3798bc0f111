import DocketDiagnostics

/// Reads composed YAML into typed, located values, reporting every problem at its node and
/// going on, so one run of `docket validate` lists all the problems of a file.
///
/// Each accessor returns nil when the value is absent or unusable; in the second case a
/// diagnostic is already in ``bag`` and the caller substitutes a placeholder (or skips the
/// entry) and continues. Decoders for every kind of file (workflows, staff, settings,
/// calendars, rules, fixtures) share one reader per file.
package final class NodeReader {
  package let file: SourceFile
  package var bag: DiagnosticBag

  package init(file: SourceFile, bag: DiagnosticBag = DiagnosticBag()) {
    self.file = file
    self.bag = bag
  }

  // MARK: - Collections

  /// A mapping with a fixed set of keys; unknown keys are reported with the nearest known one.
  ///
  /// - Parameters:
  ///   - what: the thing the mapping describes, for messages ("a transition", "field 'amount'").
  ///   - keys: every key allowed here.
  package func mapping(_ node: YAMLNode, _ what: String, keys: [String]) -> YAMLMap? {
    guard let map = namedEntries(node, what) else { return nil }
    // By index, so each entry is not copied whole just to look at its key.
    for i in map.entries.indices where !keys.contains(map.entries[i].key.value) {
      let key = map.entries[i].key
      bag.add(.unknownKey(key.value, in: what, known: keys, at: key.span))
    }
    return map
  }

  /// A mapping whose keys are names the user chooses (`states:`, `fields:`, `staff:`).
  package func namedEntries(_ node: YAMLNode, _ what: String) -> YAMLMap? {
    guard let pairs = node.pairs else {
      bag.add(.wrongType(what, expected: "a mapping", found: node))
      return nil
    }
    var entries: [(key: Located<String>, value: YAMLNode)] = []
    entries.reserveCapacity(pairs.count)
    for pair in pairs {
      guard let key = pair.key.scalar?.text else { continue }  // reported by the composer
      entries.append((Located(key, at: pair.key.span), pair.value))
    }
    return YAMLMap(node: node, entries: entries)
  }

  /// The items of a list.
  package func list(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
    guard let items = node.sequence else {
      bag.add(.wrongType(what, expected: "a list", found: node))
      return nil
    }
    return items
  }

  /// The value of a key that must be present; reports `missing_key` at the mapping otherwise.
  package func required(_ map: YAMLMap, _ key: String, in what: String) -> YAMLNode? {
    if let value = map[key] { return value }
    let at = map.keySpan(key) ?? map.node.span.startPoint
    bag.add(.missingKey(key, in: what, at: at))
    return nil
  }

  // MARK: - Scalars

  /// Any scalar as text (a plain `2024` is the text "2024").
  package func string(_ node: YAMLNode, _ what: String) -> Located<String>? {
    guard let scalar = node.scalar, !node.isNull else {
      bag.add(.wrongType(what, expected: "text", found: node))
      return nil
    }
    return Located(scalar.text, at: node.span)
  }

  /// `true` or `false` (any capitalisation YAML allows).
  package func bool(_ node: YAMLNode, _ what: String) -> Located<Bool>? {
    switch node.scalar?.text {
    case "true", "True", "TRUE": return Located(true, at: node.span)
    case "false", "False", "FALSE": return Located(false, at: node.span)
    default:
      bag.add(.wrongType(what, expected: "true or false", found: node))
      return nil
    }
  }

  /// A whole number.
  package func int(_ node: YAMLNode, _ what: String) -> Located<Int>? {
    guard let text = node.scalar?.text, let value = Int(text) else {
      bag.add(.wrongType(what, expected: "a whole number", found: node))
      return nil
    }
    return Located(value, at: node.span)
  }

  /// A finite decimal number.
  package func number(_ node: YAMLNode, _ what: String) -> Located<Double>? {
    guard let text = node.scalar?.text, let value = Double(text), value.isFinite,
      text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true
    else {
      bag.add(.wrongType(what, expected: "a number", found: node))
      return nil
    }
    return Located(value, at: node.span)
  }

  /// A list of names (`by: [specialist, supervisor]`).
  package func strings(_ node: YAMLNode, _ what: String) -> [Located<String>]? {
    guard let items = list(node, what) else { return nil }
    return items.compactMap { string($0, "each entry of \(what)") }
  }

  // MARK: - Keys of a mapping

  package func string(in map: YAMLMap, _ key: String, required: Bool = false, of what: String)
    -> Located<String>?
  {
    value(in: map, key, required: required, of: what) { string($0, "'\(key)'") }
  }

  package func bool(in map: YAMLMap, _ key: String, required: Bool = false, of what: String)
    -> Located<Bool>?
  {
    value(in: map, key, required: required, of: what) { bool($0, "'\(key)'") }
  }

  package func int(in map: YAMLMap, _ key: String, required: Bool = false, of what: String)
    -> Located<Int>?
  {
    value(in: map, key, required: required, of: what) { int($0, "'\(key)'") }
  }

  package func number(in map: YAMLMap, _ key: String, required: Bool = false, of what: String)
    -> Located<Double>?
  {
    value(in: map, key, required: required, of: what) { number($0, "'\(key)'") }
  }

  package func strings(in map: YAMLMap, _ key: String, required: Bool = false, of what: String)
    -> [Located<String>]?
  {
    value(in: map, key, required: required, of: what) { strings($0, "'\(key)'") }
  }

  private func value<T>(
    in map: YAMLMap, _ key: String, required: Bool, of what: String,
    _ read: (YAMLNode) -> T?
  ) -> T? {
    let node = required ? self.required(map, key, in: what) : map[key]
    return node.flatMap(read)
  }
}

extension SourceSpan {
  /// The span reduced to its first character, for "missing key" reports at a mapping.
  package var startPoint: SourceSpan { SourceSpan(file: file, start: start) }
}
