extension WorkflowGraph {
  /// The graph as a Mermaid `stateDiagram-v2` (for Markdown viewers that draw Mermaid).
  ///
  /// `[*] -->` marks the initial state and `--> [*]` the final ones; branching events pass
  /// through a `<<choice>>` node; workflow deadlines are a note on the initial state.
  public var mermaid: String {
    var ids: [String: String] = [:]
    var used: Set<String> = ["__start"]
    for node in nodes {
      var candidate = GraphText.mermaidID(node.id)
      var n = 2
      while used.contains(candidate) {
        candidate = GraphText.mermaidID(node.id) + "_\(n)"
        n += 1
      }
      used.insert(candidate)
      ids[node.id] = candidate
    }
    func id(_ raw: String) -> String { ids[raw] ?? GraphText.mermaidID(raw) }

    var out = "---\ntitle: \(GraphText.yamlQuoted(title))\n---\n"
    out += "stateDiagram-v2\n  direction LR\n"
    for node in nodes {
      switch node.kind {
      case .choice:
        out += "  state \(id(node.id)) <<choice>>\n"
      case .state:
        out += "  state \"\(GraphText.mermaid(Array(node.lines.prefix(1))))\" as \(id(node.id))\n"
        if node.lines.count > 1 {
          out += "  \(id(node.id)) : \(GraphText.mermaid(Array(node.lines.dropFirst())))\n"
        }
      }
    }
    out += "  [*] --> \(id(initial))\n"
    for edge in edges {
      out += "  \(id(edge.from)) --> \(id(edge.to)) : \(GraphText.mermaid(edge.lines))\n"
    }
    for node in nodes {
      if case .state(_, isFinal: true) = node.kind { out += "  \(id(node.id)) --> [*]\n" }
    }
    if !legend.isEmpty {
      out += "  note left of \(id(initial))\n"
      out += "    \(GraphText.mermaid(["Workflow deadlines:"]))\n"
      for line in legend { out += "    \(GraphText.mermaid(["- " + line]))\n" }
      out += "  end note\n"
    }
    return out
  }
}
