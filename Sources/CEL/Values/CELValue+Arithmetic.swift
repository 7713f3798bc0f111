/// CEL arithmetic: int64 and uint64 with overflow errors, IEEE doubles, concatenation of
/// strings, bytes and lists, and timestamp/duration arithmetic with range errors.
/// Operands are never errors here; the interpreter propagates errors before calling.
enum Arithmetic {
  static func add(_ a: CELValue, _ b: CELValue, maxSize: Int) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.addingReportingOverflow(y)
      return o ? .error(.overflow()) : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.addingReportingOverflow(y)
      return o ? .error(.overflow("unsigned integer")) : .uint(r)
    case (.double(let x), .double(let y)): return .double(x + y)
    case (.string(let x), .string(let y)):
      if x.utf8.count + y.utf8.count > maxSize { return .error(sizeLimit(maxSize)) }
      return .string(x + y)
    case (.bytes(let x), .bytes(let y)):
      if x.count + y.count > maxSize { return .error(sizeLimit(maxSize)) }
      return .bytes(x + y)
    case (.list(let x), .list(let y)):
      if x.count + y.count > maxSize { return .error(sizeLimit(maxSize)) }
      return .list(x + y)
    case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
      return t.adding(d).map(CELValue.timestamp) ?? .error(.range("timestamp overflow"))
    case (.duration(let x), .duration(let y)):
      return x.adding(y).map(CELValue.duration) ?? .error(.range("duration overflow"))
    default:
      return .error(.noMatchingOverload("_+_", [a, b]))
    }
  }

  static func subtract(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? .error(.overflow()) : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? .error(.overflow("unsigned integer")) : .uint(r)
    case (.double(let x), .double(let y)): return .double(x - y)
    case (.timestamp(let x), .timestamp(let y)):
      return x.difference(from: y).map(CELValue.duration) ?? .error(.range("duration overflow"))
    case (.timestamp(let t), .duration(let d)):
      return t.subtracting(d).map(CELValue.timestamp) ?? .error(.range("timestamp overflow"))
    case (.duration(let x), .duration(let y)):
      guard let n = y.negated, let r = x.adding(n) else {
        return .error(.range("duration overflow"))
      }
      return .duration(r)
    default:
      return .error(.noMatchingOverload("_-_", [a, b]))
    }
  }

  static func multiply(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? .error(.overflow()) : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? .error(.overflow("unsigned integer")) : .uint(r)
    case (.double(let x), .double(let y)): return .double(x * y)
    default:
      return .error(.noMatchingOverload("_*_", [a, b]))
    }
  }

  static func divide(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return .error(.divisionByZero()) }
      let (r, o) = x.dividedReportingOverflow(by: y)
      return o ? .error(.overflow()) : .int(r)
    case (.uint(let x), .uint(let y)):
      if y == 0 { return .error(.divisionByZero()) }
      return .uint(x / y)
    case (.double(let x), .double(let y)): return .double(x / y)
    default:
      return .error(.noMatchingOverload("_/_", [a, b]))
    }
  }

  static func modulo(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return .error(.moduloByZero()) }
      let (r, o) = x.remainderReportingOverflow(dividingBy: y)
      return o ? .error(.overflow()) : .int(r)
    case (.uint(let x), .uint(let y)):
      if y == 0 { return .error(.moduloByZero()) }
      return .uint(x % y)
    default:
      return .error(.noMatchingOverload("_%_", [a, b]))
    }
  }

  static func negate(_ a: CELValue) -> CELValue {
    switch a {
    case .int(let x):
      return x == Int64.min ? .error(.overflow()) : .int(-x)
    case .double(let x): return .double(-x)
    case .duration(let d): return d.negated.map(CELValue.duration) ?? .error(.range("duration overflow"))
    default: return .error(.noMatchingOverload("-_", [a]))
    }
  }

  static func sizeLimit(_ max: Int) -> CELError {
    .limitExceeded("value size exceeds limit: \(max)")
  }
}
