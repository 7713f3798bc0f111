import Testing

@testable import CEL

/// `CheckerDeclarations.all` declares the library's functions group by group on first lookup
/// (every `docket` process that checks an expression uses it); it must hold exactly what
/// merging the extensions into the standard library gives: the same functions with the same
/// overloads in the same order, and the same identifiers.
@Suite struct DeclarationTablesTests {
  @Test func allIsTheStandardLibraryWithTheExtensionsMergedIn() {
    var merged = CheckerDeclarations.standard
    merged.merge(CheckerDeclarations.extensions)
    let all = CheckerDeclarations.all
    #expect(all.functionNames == merged.functionNames)
    for name in merged.functionNames {
      #expect(all.function(named: name)?.overloads == merged.function(named: name)?.overloads, "\(name)")
      #expect(all.declaresFunction(named: name), "\(name)")
    }
    #expect(all.identifierNames == merged.identifierNames)
    for name in merged.identifierNames {
      #expect(all.identifier(named: name) == merged.identifier(named: name), "\(name)")
    }
    #expect(all.functionNames.count > 50)
    #expect(all.function(named: "no_such_function") == nil)
    #expect(!all.declaresFunction(named: "no_such_function"))
  }

  /// A group's name list is how a lookup finds it: a name missing from the list would make
  /// its function undeclared, a name too many would be suggested but not found.
  @Test func eachGroupListsExactlyTheFunctionsItDeclares() {
    for group in LibraryFunctions.Group.allCases {
      #expect(group.declarations.functionNames == group.functionNames.sorted(), "\(group)")
    }
  }

  /// A layer over `all` adds its own overloads after the library's, and an overload id the
  /// library declares keeps the library's signature.
  @Test func aLayerAddsOverloadsAfterTheLibrarysAndCannotRedefineThem() {
    var layer = CheckerDeclarations.all.extending()
    layer.declare(
      "size",
      [
        OverloadDeclaration(id: "size_string", parameters: [.int], result: .int, isMember: false),
        OverloadDeclaration(id: "size_int", parameters: [.int], result: .int, isMember: false),
      ])
    let size = layer.function(named: "size")
    let library = CheckerDeclarations.all.function(named: "size")
    #expect(size?.overloads.map(\.id) == (library?.overloads.map(\.id) ?? []) + ["size_int"])
    #expect(size?.overloads.first { $0.id == "size_string" }?.parameters == [.string])
  }
}
