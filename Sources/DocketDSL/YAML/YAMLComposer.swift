import CYaml
import DocketDiagnostics

/// Builds a ``YAMLNode`` tree from libyaml's event stream, keeping positions and enforcing
/// ``YAMLLimits`` as it goes.
///
/// Yams' own composer sets no limit on alias expansion, hashes whole nodes to find duplicate
/// keys (an alias bomb used as a key hangs it), and stops at the first duplicate. Reading
/// libyaml's events directly lets one pass count aliases and expanded nodes, refuse a bomb
/// before any tree is walked, and report every duplicate key as a diagnostic while going on.
/// Positions come from libyaml marks, whose columns and indexes count Unicode scalars.
package struct YAMLComposer {
  package let file: SourceFile
  package let limits: YAMLLimits

  package init(file: SourceFile, limits: YAMLLimits = .default) {
    self.file = file
    self.limits = limits
  }

  /// The document's root node, or nil when the file is empty or could not be read (then `bag`
  /// holds the reason). Duplicate keys are reported but do not stop composition.
  package func compose(_ text: String, into bag: inout DiagnosticBag) -> YAMLNode? {
    var utf8 = Array(text.utf8)
    utf8.append(0)
    return utf8.withUnsafeBufferPointer { buffer in
      var run = Run(file: file, limits: limits)
      return run.compose(buffer.baseAddress, count: buffer.count - 1, into: &bag)
    }
  }
}

/// Raised inside one composition to stop it; the diagnostic has already been recorded.
private struct Stop: Error {}

/// One composition: the libyaml parser, the stack of open collections, the anchors.
private struct Run {
  let file: SourceFile
  let limits: YAMLLimits

  private struct Anchored {
    var node: YAMLNode
    var size: Int
  }

  private struct Frame {
    var isMapping: Bool
    var start: yaml_mark_t
    var anchor: String?
    var tag: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// Keys seen so far, for duplicate detection: a list while small (cheaper than hashing),
    /// a dictionary once large (so a hostile file with many keys stays linear).
    var keyList: [(String, SourceSpan)] = []
    var keyIndex: [String: SourceSpan]?
    var size = 1

    /// Takes a finished child: an item, a key (checked for duplicates) or a key's value.
    mutating func add(
      _ node: YAMLNode, size: Int, aliasAt: SourceSpan?, into bag: inout DiagnosticBag
    ) {
      self.size += size
      if !isMapping {
        items.append(node)
      } else if let key = pendingKey {
        pairs.append(YAMLPair(key: key, value: node))
        pendingKey = nil
      } else {
        if let text = node.scalar?.text {
          if let first = firstSpan(ofKey: text) {
            bag.add(.duplicateKey(text, at: aliasAt ?? node.span, first: first))
          } else {
            remember(key: text, at: aliasAt ?? node.span)
          }
        } else {
          bag.add(.yamlComplexKey(at: aliasAt ?? node.span))
        }
        pendingKey = node
      }
    }

    func firstSpan(ofKey key: String) -> SourceSpan? {
      if let keyIndex { return keyIndex[key] }
      return keyList.first { $0.0 == key }?.1
    }

    mutating func remember(key: String, at span: SourceSpan) {
      if keyIndex != nil {
        keyIndex?[key] = span
      } else if keyList.count < 16 {
        // Most mappings have a few keys: one allocation for them rather than growing 1, 2, 4.
        if keyList.isEmpty { keyList.reserveCapacity(8) }
        keyList.append((key, span))
      } else {
        var index = Dictionary(keyList, uniquingKeysWith: { a, _ in a })
        index[key] = span
        keyIndex = index
        keyList = []
      }
    }
  }

  private var stack: [Frame] = []
  private var anchors: [String: Anchored] = [:]
  private var aliasCount = 0
  private var nodeCount = 0
  private var root: YAMLNode?
  private var documents = 0

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
  }

  mutating func compose(
    _ bytes: UnsafePointer<UInt8>?, count: Int, into bag: inout DiagnosticBag
  ) -> YAMLNode? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, bytes, count)
    do {
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
          bag.add(syntaxError(parser))
          return nil
        }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { break }
        try handle(event, into: &bag)
      }
    } catch {
      return nil
    }
    return root
  }

  private mutating func handle(_ event: yaml_event_t, into bag: inout DiagnosticBag) throws {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        bag.add(.yamlSeveralDocuments(at: span(event.start_mark, event.end_mark)))
        throw Stop()
      }
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let text = data.value.map {
        String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
      } ?? ""
      let node = YAMLNode(
        kind: .scalar(YAMLScalar(text, style: style(data.style))),
        span: span(event.start_mark, event.end_mark), offset: Int(event.start_mark.index),
        tag: string(data.tag))
      if let anchor = string(data.anchor) { anchors[anchor] = Anchored(node: node, size: 1) }
      try deliver(node, size: 1, into: &bag)
    case YAML_ALIAS_EVENT:
      try alias(event, into: &bag)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      if stack.count >= limits.maxDepth {
        bag.add(.yamlTooDeep(limit: limits.maxDepth, at: span(event.start_mark, event.end_mark)))
        throw Stop()
      }
      let anchor =
        isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
      let tag = isMapping ? string(event.data.mapping_start.tag) : string(event.data.sequence_start.tag)
      stack.append(Frame(isMapping: isMapping, start: event.start_mark, anchor: anchor, tag: tag))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return }
      let kind: YAMLNode.Kind =
        frame.isMapping ? .mapping(Self.merged(frame.pairs, into: &bag)) : .sequence(frame.items)
      let node = YAMLNode(
        kind: kind, span: span(frame.start, event.end_mark), offset: Int(frame.start.index),
        tag: frame.tag)
      if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, size: frame.size) }
      try deliver(node, size: frame.size, countedAlready: true, into: &bag)
    default:
      break
    }
  }

  private mutating func alias(_ event: yaml_event_t, into bag: inout DiagnosticBag) throws {
    let here = span(event.start_mark, event.end_mark)
    aliasCount += 1
    if aliasCount > limits.maxAliases {
      bag.add(.yamlAliasLimit(aliases: limits.maxAliases, nodes: limits.maxNodes, at: here))
      throw Stop()
    }
    let name = string(event.data.alias.anchor) ?? ""
    guard let anchored = anchors[name] else {
      bag.add(.yamlUnknownAlias(name, known: anchors.keys.sorted(), at: here))
      throw Stop()
    }
    try deliver(anchored.node, size: anchored.size, into: &bag, aliasAt: here)
  }

  /// Hands a finished node to the collection being built (or makes it the root), counting
  /// expanded nodes. `countedAlready`: the collection's own children were counted as they came.
  private mutating func deliver(
    _ node: YAMLNode, size: Int, countedAlready: Bool = false, into bag: inout DiagnosticBag,
    aliasAt: SourceSpan? = nil
  ) throws {
    if !countedAlready {
      nodeCount += size
    } else {
      nodeCount += 1
    }
    if nodeCount > limits.maxNodes {
      bag.add(
        .yamlAliasLimit(aliases: limits.maxAliases, nodes: limits.maxNodes, at: aliasAt ?? node.span))
      throw Stop()
    }
    // The open collection is changed where it lies on the stack (no copy of its frame).
    let top = stack.count - 1
    guard top >= 0 else {
      root = node
      return
    }
    stack[top].add(node, size: size, aliasAt: aliasAt, into: &bag)
  }

  /// Applies YAML merge keys (`<<: *base`, `<<: [*a, *b]`): entries of the merged mappings
  /// are added unless the mapping sets the key itself; earlier merged mappings win.
  static func merged(_ pairs: [YAMLPair], into bag: inout DiagnosticBag) -> [YAMLPair] {
    func isMergeKey(_ node: YAMLNode) -> Bool {
      node.scalar?.text == "<<" && node.scalar?.style == .plain
    }
    guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
    var out = pairs.filter { !isMergeKey($0.key) }
    var seen = Set(out.compactMap { $0.key.scalar?.text })
    for pair in pairs where isMergeKey(pair.key) {
      let sources = pair.value.sequence ?? [pair.value]
      for source in sources {
        guard let entries = source.pairs else {
          bag.add(.wrongType("'<<'", expected: "an alias of a mapping, or a list of them", found: source))
          continue
        }
        for entry in entries {
          guard let key = entry.key.scalar?.text, seen.insert(key).inserted else { continue }
          out.append(entry)
        }
      }
    }
    return out
  }

  private func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
    SourceSpan(
      file: file.path,
      start: SourcePosition(line: Int(start.line) + 1, column: Int(start.column) + 1),
      end: SourcePosition(line: Int(end.line) + 1, column: Int(end.column) + 1))
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafePointer($0)) }
  }

  private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    let context = parser.context.map { String(cString: $0) }
    let mark = parser.problem_mark
    let at = SourceSpan(
      file: file.path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    return .yamlSyntax(problem: problem, context: context, at: at)
  }
}
