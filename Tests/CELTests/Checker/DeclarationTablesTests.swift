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

  /// The index is how a lookup finds a group: it must be sorted (binary search), and each
  /// name's groups must declare it.
  @Test func theIndexIsSortedAndNamesGroupsThatDeclareTheName() {
    let names = LibraryFunctions.index.map(\.name)
    #expect(names == names.sorted())
    #expect(Set(names).count == names.count)
    for entry in LibraryFunctions.index {
      #expect(entry.group.function(named: entry.name) != nil, "\(entry.name)")
      if let also = entry.also {
        #expect(also.function(named: entry.name) != nil, "\(entry.name)")
      }
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
