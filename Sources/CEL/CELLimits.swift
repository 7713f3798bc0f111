/// Bounds that keep hostile or mistaken expressions from exhausting memory, stack or time.
/// Exceeding one is an issue (`cel_limit_exceeded`) at compile time, or an error value at
/// evaluation time; never a crash or a hang.
public struct CELLimits: Sendable, Hashable {
  /// Longest accepted source, in Unicode scalars. Default 100_000.
  public var maxSourceSize: Int
  /// Deepest nesting of parentheses, calls, lists, maps and operators the parser accepts.
  /// Default 250 (cel-go's default recursion limit is 250 too).
  public var maxNestingDepth: Int
  /// Most loop iterations one evaluation may run, over all comprehensions together
  /// (nested loops multiply). Default 1_000_000.
  public var maxIterations: Int
  /// Largest list, map or string one evaluation may build by concatenation or
  /// comprehension, in elements or scalars. Default 10_000_000.
  public var maxCollectionSize: Int

  public init(
    maxSourceSize: Int = 100_000, maxNestingDepth: Int = 250, maxIterations: Int = 1_000_000,
    maxCollectionSize: Int = 10_000_000
  ) {
    self.maxSourceSize = maxSourceSize
    self.maxNestingDepth = maxNestingDepth
    self.maxIterations = maxIterations
    self.maxCollectionSize = maxCollectionSize
  }

  /// The documented defaults.
  public static let `default` = CELLimits()
}
