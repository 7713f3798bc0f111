/// An evaluation error, carried as a value: what went wrong and at which node.
///
/// `exprID` is the node that failed (0 when unknown); ``CELProgram/range(of:)`` maps it back to
/// the scalar range of the expression source so the error can be shown at its place.
///
/// The fields live in a shared box so that `CELValue` stays small (errors are rare; values
/// are copied constantly).
public struct CELError: Sendable, Hashable, Error, CustomStringConvertible {
  private final class Box: Sendable {
    let code: String
    let message: String
    let exprID: Int64
    init(_ code: String, _ message: String, _ exprID: Int64) {
      self.code = code
      self.message = message
      self.exprID = exprID
    }
  }
  private var box: Box

  /// A stable snake_case code: `division_by_zero`, `overflow`, `no_such_key`, ...
  public var code: String {
    get { box.code }
    set { box = Box(newValue, box.message, box.exprID) }
  }
  /// cel-go's wording (`no such key: 'x'`, `division by zero`).
  public var message: String {
    get { box.message }
    set { box = Box(box.code, newValue, box.exprID) }
  }
  /// The failing node, 0 when not known.
  public var exprID: Int64 {
    get { box.exprID }
    set { box = Box(box.code, box.message, newValue) }
  }

  public init(code: String, _ message: String, exprID: Int64 = 0) {
    box = Box(code, message, exprID)
  }

  public static func == (a: CELError, b: CELError) -> Bool {
    (a.code, a.message, a.exprID) == (b.code, b.message, b.exprID)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(message)
    hasher.combine(exprID)
  }

  public var description: String { message }
}

/// The catalogue of runtime errors: one named constructor per kind, owning its wording.
extension CELError {
  static func divisionByZero(_ id: ExprID = 0) -> CELError {
    CELError(code: "division_by_zero", "division by zero", exprID: id)
  }
  static func moduloByZero(_ id: ExprID = 0) -> CELError {
    CELError(code: "division_by_zero", "modulus by zero", exprID: id)
  }
  static func overflow(_ what: String = "integer", _ id: ExprID = 0) -> CELError {
    CELError(code: "overflow", "\(what) overflow", exprID: id)
  }
  static func range(_ message: String, _ id: ExprID = 0) -> CELError {
    CELError(code: "range", message, exprID: id)
  }
  static func noSuchKey(_ key: CELValue, _ id: ExprID = 0) -> CELError {
    CELError(code: "no_such_key", "no such key: \(key)", exprID: id)
  }
  static func noSuchField(_ field: String, _ id: ExprID = 0) -> CELError {
    CELError(code: "no_such_field", "no such key: '\(field)'", exprID: id)
  }
  static func indexOutOfRange(_ index: Int64, size: Int, _ id: ExprID = 0) -> CELError {
    CELError(
      code: "index_out_of_range", "index out of range: \(index) (list size \(size))",
      exprID: id)
  }
  static func noMatchingOverload(_ function: String, _ args: [CELValue], _ id: ExprID = 0)
    -> CELError
  {
    let types = args.map { $0.celType.runtimeName }.joined(separator: ", ")
    return CELError(
      code: "no_matching_overload",
      "no matching overload for '\(function)' applied to '(\(types))'", exprID: id)
  }
  static func noSuchOverload(_ id: ExprID = 0) -> CELError {
    CELError(code: "no_matching_overload", "no such overload", exprID: id)
  }
  static func unboundFunction(_ name: String, _ id: ExprID = 0) -> CELError {
    CELError(code: "unbound_function", "unbound function: \(name)", exprID: id)
  }
  static func undeclaredReference(_ name: String, _ id: ExprID = 0) -> CELError {
    CELError(
      code: "undeclared_reference", "no such attribute: id: \(id), names: [\(name)]", exprID: id)
  }
  static func invalidArgument(_ message: String, _ id: ExprID = 0) -> CELError {
    CELError(code: "invalid_argument", message, exprID: id)
  }
  static func limitExceeded(_ message: String, _ id: ExprID = 0) -> CELError {
    CELError(code: "limit_exceeded", message, exprID: id)
  }
}
