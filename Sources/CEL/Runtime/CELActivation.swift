/// The variables (and, optionally, function implementations) one evaluation sees.
public protocol CELActivation {
  /// The value bound to a (possibly qualified) name, or nil when unbound.
  func value(of name: String) -> CELValue?
  /// An implementation for an overload declared without one: per-evaluation functions
  /// (answers that depend on the command being run). Default: none.
  func implementation(ofOverload id: String) -> CELImplementation?
}

extension CELActivation {
  public func implementation(ofOverload id: String) -> CELImplementation? { nil }
}

/// A dictionary-backed activation.
public struct CELBindings: CELActivation, Sendable, ExpressibleByDictionaryLiteral {
  public var values: [String: CELValue]
  public var implementations: [String: CELImplementation]

  public init(_ values: [String: CELValue], implementations: [String: CELImplementation] = [:]) {
    self.values = values
    self.implementations = implementations
  }

  public init() { self.init([:]) }

  public init(dictionaryLiteral elements: (String, CELValue)...) {
    self.init(Dictionary(elements, uniquingKeysWith: { _, b in b }))
  }

  public subscript(name: String) -> CELValue? {
    get { values[name] }
    set { values[name] = newValue }
  }

  public func value(of name: String) -> CELValue? { values[name] }

  public func implementation(ofOverload id: String) -> CELImplementation? { implementations[id] }
}
