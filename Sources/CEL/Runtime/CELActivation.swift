/// The variables (and, optionally, function implementations) one evaluation sees.
public protocol CELActivation {
  /// The value bound to a (possibly qualified) name, or nil when unbound.
  func value(of name: String) -> CELValue?
  /// An implementation for an overload declared without one: per-evaluation functions
  /// (answers that depend on the command being run). Default: none.
  func implementation(ofOverload id: String) -> CELImplementation?
  /// The value of `variable.field` (a qualified name such as `instance.state`) when the
  /// activation can give it without building the whole variable, or nil to select the field
  /// from ``value(of:)`` as usual. When not nil it must equal that selection: an activation
  /// whose variables are costly maps answers the fields expressions read most. Default: nil.
  func selection(_ qualifiedName: String) -> CELValue?
}

extension CELActivation {
  public func implementation(ofOverload id: String) -> CELImplementation? { nil }
  public func selection(_ qualifiedName: String) -> CELValue? { nil }
}

/// A dictionary-like activation. Up to 16 variables are kept in a small array and found
/// by a linear scan (faster than hashing for the few names a guard uses); larger sets use a
/// dictionary. The storage is one shared reference (copy-on-write), so passing bindings to
/// ``CELProgram/evaluate(_:)`` copies a pointer, not the variables.
public struct CELBindings: CELActivation, Sendable, ExpressibleByDictionaryLiteral {
  /// Immutable (so reads need no exclusivity checks); every change builds a new one.
  private final class Storage: Sendable {
    let names: [String]
    let slots: [CELValue]
    let dictionary: [String: CELValue]?
    let implementations: [String: CELImplementation]

    init(
      names: [String] = [], slots: [CELValue] = [], dictionary: [String: CELValue]? = nil,
      implementations: [String: CELImplementation] = [:]
    ) {
      self.names = names
      self.slots = slots
      self.dictionary = dictionary
      self.implementations = implementations
    }
  }

  private var storage = Storage()
  private static let linearLimit = 16

  public init(_ values: [String: CELValue], implementations: [String: CELImplementation] = [:]) {
    self.values = values
    self.implementations = implementations
  }

  public init() {}

  public init(dictionaryLiteral elements: (String, CELValue)...) {
    self.init(Dictionary(elements, uniquingKeysWith: { _, b in b }))
  }

  /// Implementations of overloads declared without one, by overload id.
  public var implementations: [String: CELImplementation] {
    get { storage.implementations }
    set {
      storage = Storage(
        names: storage.names, slots: storage.slots, dictionary: storage.dictionary,
        implementations: newValue)
    }
  }

  /// All bound variables.
  public var values: [String: CELValue] {
    get {
      storage.dictionary
        ?? Dictionary(zip(storage.names, storage.slots), uniquingKeysWith: { _, b in b })
    }
    set {
      if newValue.count > CELBindings.linearLimit {
        storage = Storage(dictionary: newValue, implementations: storage.implementations)
      } else {
        let names = Array(newValue.keys)
        storage = Storage(
          names: names, slots: names.compactMap { newValue[$0] },
          implementations: storage.implementations)
      }
    }
  }

  public subscript(name: String) -> CELValue? {
    get { value(of: name) }
    set {
      var all = values
      all[name] = newValue
      values = all
    }
  }

  public func value(of name: String) -> CELValue? {
    let s = storage
    if let d = s.dictionary { return d[name] }
    let names = s.names
    for i in names.indices where names[i] == name { return s.slots[i] }
    return nil
  }

  public func implementation(ofOverload id: String) -> CELImplementation? {
    storage.implementations[id]
  }
}
