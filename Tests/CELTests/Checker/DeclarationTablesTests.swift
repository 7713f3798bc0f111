import Testing

@testable import CEL

/// `CheckerDeclarations.all` is declared straight into one table (it is built by every
/// `docket` process that checks an expression); it must hold exactly what merging the
/// extensions into the standard library gives: the same functions with the same overloads
/// in the same order, and the same identifiers.
@Suite struct DeclarationTablesTests {
  @Test func allIsTheStandardLibraryWithTheExtensionsMergedIn() {
    var merged = CheckerDeclarations.standard
    merged.merge(CheckerDeclarations.extensions)
    let all = CheckerDeclarations.all
    #expect(all.functionNames == merged.functionNames)
    for name in merged.functionNames {
      #expect(all.function(named: name)?.overloads == merged.function(named: name)?.overloads, "\(name)")
    }
    #expect(all.identifierNames == merged.identifierNames)
    for name in merged.identifierNames {
      #expect(all.identifier(named: name) == merged.identifier(named: name), "\(name)")
    }
    #expect(all.functionNames.count > 50)
  }
}
