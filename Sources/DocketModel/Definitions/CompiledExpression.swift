import CEL
import DocketDiagnostics

/// A CEL expression from a definition file, compiled and type-checked once at load time.
///
/// The engine only evaluates; it never parses. `span` is where the expression text starts in
/// its file, so an evaluation error can be reported at `file:line:col`.
public struct CompiledExpression: Sendable {
  public var source: String
  public var program: CELProgram
  public var span: SourceSpan?

  public init(source: String, program: CELProgram, span: SourceSpan? = nil) {
    self.source = source
    self.program = program
    self.span = span
  }
}

/// A transition guard: an expression that must be `true`, and what to say when it is not.
public struct GuardDefinition: Sendable {
  public var expression: CompiledExpression
  /// Shown on refusal; without one the refusal quotes the expression.
  public var message: String?

  public init(expression: CompiledExpression, message: String? = nil) {
    self.expression = expression
    self.message = message
  }
}

/// A text with `${CEL}` placeholders, as in notification messages.
public struct MessageTemplate: Sendable {
  public enum Part: Sendable {
    case text(String)
    case expression(CompiledExpression)
  }

  public var parts: [Part]
  public var span: SourceSpan?

  public init(parts: [Part], span: SourceSpan? = nil) {
    self.parts = parts
    self.span = span
  }

  /// A template with no placeholders.
  public init(literal: String) {
    self.parts = [.text(literal)]
  }
}

/// One `field: CEL` assignment of a `set:` map, in file order.
public struct FieldAssignment: Sendable {
  public var field: FieldName
  public var value: CompiledExpression

  public init(field: FieldName, value: CompiledExpression) {
    self.field = field
    self.value = value
  }
}
