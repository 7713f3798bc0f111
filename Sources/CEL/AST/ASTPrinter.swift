/// Prints an expression tree compactly, for parser tests and debugging (cel-go's
/// `common/debug`): calls as `f(a, b)`, member calls as `t.f(a)`, selects as `a.b`
/// (`a.b~test-only`, `a.?b`), literals as CEL writes them, comprehensions as
/// `__comprehension__(iterVar[, iterVar2], range, accuVar, init, condition, step, result)`.
/// With `ids: true` every node is followed by `^#id`.
package enum ASTPrinter {
  package static func print(_ e: Expr, ids: Bool = false) -> String {
    var out = ""
    write(e, ids, &out)
    return out
  }

  private static func write(_ e: Expr, _ ids: Bool, _ out: inout String) {
    switch e.kind {
    case .literal(let c):
      out += Planner.constant(c).description
    case .ident(let name):
      out += name
    case .select(let operand, let field, let testOnly, let optional):
      write(operand, ids, &out)
      out += (optional ? ".?" : ".") + field + (testOnly ? "~test-only" : "")
    case .call(let function, let target, let args):
      if let target {
        write(target, ids, &out)
        out += "."
      }
      out += function + "("
      list(args, ids, &out)
      out += ")"
    case .createList(let elements, let optional):
      out += "["
      for (i, el) in elements.enumerated() {
        if i > 0 { out += ", " }
        if optional.contains(i) { out += "?" }
        write(el, ids, &out)
      }
      out += "]"
    case .createMap(let entries):
      out += "{"
      for (i, entry) in entries.enumerated() {
        if i > 0 { out += ", " }
        if entry.optional { out += "?" }
        write(entry.key, ids, &out)
        out += ": "
        write(entry.value, ids, &out)
      }
      out += "}"
    case .comprehension(let c):
      out += "__comprehension__(" + c.iterVar + (c.iterVar2.map { ", " + $0 } ?? "") + ", "
      list([c.iterRange], ids, &out)
      out += ", " + c.accuVar + ", "
      list([c.accuInit, c.loopCondition, c.loopStep, c.result], ids, &out)
      out += ")"
    }
    if ids { out += "^#\(e.id)" }
  }

  private static func list(_ es: [Expr], _ ids: Bool, _ out: inout String) {
    for (i, e) in es.enumerated() {
      if i > 0 { out += ", " }
      write(e, ids, &out)
    }
  }
}
