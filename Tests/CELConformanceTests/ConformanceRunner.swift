import CEL

/// Runs one case and says why it failed, or nil when it passed.
enum ConformanceRunner {
  static func failure(of c: ConformanceCase) -> String? {
    var variables: [String: CELType] = [:]
    var functions: [CELFunction] = []
    for d in c.declarations {
      guard case .string(let name)? = d["name"] else { continue }
      if case .array(let overloads)? = d["overloads"] {
        functions.append(CELFunction(name, overloads: overloads.compactMap(overload)))
      } else if case .string(let t)? = d["type"] {
        variables[name] = declaredType(t)
      }
    }
    let env = CELEnvironment(variables: variables, functions: functions, container: c.container)
    var bindings = CELBindings()
    for (name, json) in c.bindings {
      do {
        bindings[name] = try CELValue(typedJSON: json)
      } catch {
        return "cannot decode binding \(name): \(error)"
      }
    }
    let program: CELProgram
    switch env.compile(c.expr, checked: !c.disableCheck) {
    case .success(let p): program = p
    case .failure(let issues):
      if c.expect["error"] != nil { return nil }
      return "compile failed: \(issues)"
    }
    if case .string(let deduced)? = c.expect["deduced_type"] {
      if program.resultType.description != deduced {
        return "deduced \(program.resultType), expected \(deduced)"
      }
      if c.expect["value"] == nil { return nil }
    }
    if c.checkOnly { return nil }
    let result = program.evaluate(bindings)
    if c.expect["error"] != nil {
      return result.isError ? nil : "expected an error, got \(result)"
    }
    guard let expectedJSON = c.expect["value"] else {
      return "unsupported expectation \(c.expect.text)"
    }
    let expected: CELValue
    do {
      expected = try CELValue(typedJSON: expectedJSON)
    } catch {
      return "cannot decode expected value: \(error)"
    }
    return result == expected ? nil : "got \(result), expected \(expected)"
  }

  /// The declared type of a variable or parameter, in cel-go notation (`list(int)`, `T`).
  static func declaredType(_ text: String) -> CELType {
    CELType(notation: text) ?? .dyn
  }

  static func overload(_ json: CELJSON) -> CELOverload? {
    guard case .string(let id)? = json["id"] else { return nil }
    var params: [CELType] = []
    if case .array(let ps)? = json["params"] {
      for p in ps {
        if case .string(let t) = p { params.append(declaredType(t)) }
      }
    }
    var result = CELType.dyn
    if case .string(let r)? = json["result"] { result = declaredType(r) }
    var typeParameters: [String] = []
    if case .array(let ts)? = json["type_params"] {
      for t in ts {
        if case .string(let name) = t { typeParameters.append(name) }
      }
    }
    return CELOverload(
      id, params, result, member: json["instance"] == .bool(true), typeParameters: typeParameters)
  }
}
