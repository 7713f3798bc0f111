/// cel-go's `ext.Encoders()`: `base64.encode(bytes) -> string` and
/// `base64.decode(string) -> bytes` (padding optional when decoding).
///
/// Also the worked example of an extension: a file here declares a `CELLibrary` by its
/// function names and a function that builds one of them (only when an expression calls
/// it), whose overloads carry signatures (for the checker) and implementations (for the
/// interpreter); `CELLibrary.builtIn` lists it, and the checker's tables declare the same
/// signatures (`ExtensionDeclarations.swift`).
extension CELLibrary {
  public static let encoders = CELLibrary(
    name: "encoders",
    names: [
      "base64.encode",
      "base64.decode",
    ],
    build: encodersFunction)

  /// The function called `name`, built alone (nil for a name the library lacks).
  private static func encodersFunction(_ name: String) -> CELFunction? {
    switch name {
    case "base64.encode":
      CELFunction(
        "base64.encode",
        overloads: [
          CELOverload("base64_encode_bytes", [.bytes], .string) { args in
            guard case .bytes(let b) = args[0] else {
              return .error(.noMatchingOverload("base64.encode", args))
            }
            return .string(Base64.encode(b))
          }
        ])
    case "base64.decode":
      CELFunction(
        "base64.decode",
        overloads: [
          CELOverload("base64_decode_string", [.string], .bytes) { args in
            guard case .string(let s) = args[0] else {
              return .error(.noMatchingOverload("base64.decode", args))
            }
            guard let b = Base64.decode(s) else {
              return .error(.invalidArgument("illegal base64 data"))
            }
            return .bytes(b)
          }
        ])
    default: nil
    }
  }
}
