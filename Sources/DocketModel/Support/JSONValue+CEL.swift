import CEL

extension JSONValue {
  /// This value as CEL sees untyped JSON: integers stay `int` (so `3` is `3`, not `3.0`),
  /// objects become maps with string keys in key order.
  ///
  /// For values with no declared field type: `--var` bindings of `docket eval`, and stored
  /// values inside lists. Typed fields convert by their ``FieldType`` in the engine.
  public var celValue: CELValue {
    switch self {
    case .null: .null
    case .bool(let b): .bool(b)
    case .int(let i): .int(i)
    case .double(let d): .double(d)
    case .string(let s): .string(s)
    case .array(let a): .list(a.map(\.celValue))
    case .object(let o):
      .map(CELMap(o.sorted { $0.key < $1.key }.map { (CELValue.string($0.key), $0.value.celValue) }))
    }
  }
}
