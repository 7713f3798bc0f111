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

/// A dictionary-like activation. Up to 16 variables are kept in a small array and found
/// by a linear scan (faster than hashing for the few names a guard uses); larger sets use a
/// dictionary.
public struct CELBindings: CELActivation, Sendable, ExpressibleByDictionaryLiteral {
  private var names: [String] = []
  private var slots: [CELValue] = []
  private var dictionary: [String: CELValue]?
  public var implementations: [String: CELImplementation]

  private static let linearLimit = 16

  public init(_ values: [String: CELValue], implementations: [String: CELImplementation] = [:]) {
    self.implementations = implementations
    self.values = values
  }

  public init() { self.init([:]) }

  public init(dictionaryLiteral elements: (String, CELValue)...) {
    self.init(Dictionary(elements, uniquingKeysWith: { _, b in b }))
  }

  /// All bound variables.
  public var values: [String: CELValue] {
    get { dictionary ?? Dictionary(zip(names, slots), uniquingKeysWith: { _, b in b }) }
    set {
      if newValue.count > CELBindings.linearLimit {
        dictionary = newValue
        names = []
        slots = []
      } else {
        dictionary = nil
        names = Array(newValue.keys)
        slots = names.compactMap { newValue[$0] }
      }
    }
  }

  public subscript(name: String) -> CELValue? {
    get { value(of: name) }
    set {
      if dictionary != nil {
        dictionary?[name] = newValue
        return
      }
      if let i = names.firstIndex(of: name) {
        if let newValue {
          slots[i] = newValue
        } else {
          names.remove(at: i)
          slots.remove(at: i)
        }
      } else if let newValue {
        names.append(name)
        slots.append(newValue)
        if names.count > CELBindings.linearLimit { values = values }
      }
    }
  }

  public func value(of name: String) -> CELValue? {
    if let dictionary { return dictionary[name] }
    return linearValue(of: name)
  }

  private func linearValue(of name: String) -> CELValue? {
    for i in names.indices where names[i] == name { return slots[i] }
    return nil
  }

  public func implementation(ofOverload id: String) -> CELImplementation? { implementations[id] }
}
