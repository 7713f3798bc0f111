import DocketDiagnostics

/// A value read from a definition file, with where it was written.
///
/// Decoders keep the span of every name that refers to something else (a `to:` state, a role
/// in `by:`), so a later check can report `unknown state 'handlng'` at that exact column.
package struct Located<Value> {
  package var value: Value
  package var span: SourceSpan

  package init(_ value: Value, at span: SourceSpan) {
    self.value = value
    self.span = span
  }

  package func map<T>(_ transform: (Value) -> T) -> Located<T> {
    Located<T>(transform(value), at: span)
  }
}

extension Located: Sendable where Value: Sendable {}
