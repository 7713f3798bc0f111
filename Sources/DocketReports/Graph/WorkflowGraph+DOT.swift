extension WorkflowGraph {
  /// The graph in Graphviz DOT, UTF-8, ready for `dot -Tsvg`.
  ///
  /// States are rounded boxes (final states double circles), a small dot points at the
  /// initial state, branching events pass through a small diamond, the fallback branch is
  /// dashed, and workflow deadlines sit in a note. Output is stable: file order throughout.
  public var dot: String {
    var out = "digraph \(GraphText.dotID(workflow)) {\n"
    out += "  graph [label=\(GraphText.dotQuoted([title])), labelloc=t, rankdir=LR, "
    out += "fontname=\"sans-serif\", charset=\"UTF-8\"];\n"
    out += "  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=12];\n"
    out += "  edge [fontname=\"sans-serif\", fontsize=10];\n"
    out += "  \"__start\" [shape=point, width=0.15, label=\"\"];\n"
    for node in nodes {
      out += "  \(GraphText.dotID(node.id)) [\(Self.dotAttributes(of: node))];\n"
    }
    out += "  \"__start\" -> \(GraphText.dotID(initial));\n"
    for edge in edges {
      var attributes = ["label=\(GraphText.dotQuoted(edge.lines))"]
      if edge.isFallback { attributes.append("style=dashed") }
      out += "  \(GraphText.dotID(edge.from)) -> \(GraphText.dotID(edge.to))"
      out += " [\(attributes.joined(separator: ", "))];\n"
    }
    if !legend.isEmpty {
      out += "  \"__legend\" [shape=note, style=\"\", "
      out += "label=\(GraphText.dotQuoted(["Workflow deadlines:"] + legend, leftJustified: true))];\n"
    }
    return out + "}\n"
  }

  private static func dotAttributes(of node: Node) -> String {
    switch node.kind {
    case .choice:
      return "shape=diamond, style=\"\", label=\"\", width=0.25, height=0.25"
    case .state(_, let isFinal):
      let label = "label=\(GraphText.dotQuoted(node.lines))"
      return isFinal ? "shape=doublecircle, style=\"\", \(label)" : label
    }
  }
}
