import Testing

@testable import DocketCLI

/// Colour only on a terminal, never with NO_COLOR, TERM=dumb or --json.
@Suite("Terminal colour")
struct TerminalTests {
  @Test("a terminal gets colour")
  func terminal() {
    #expect(Terminal(environment: [:], json: false, isTTY: true).colours)
  }

  @Test("no colour in a pipe, with NO_COLOR, with TERM=dumb, or with --json")
  func noColour() {
    #expect(!Terminal(environment: [:], json: false, isTTY: false).colours)
    #expect(!Terminal(environment: ["NO_COLOR": "1"], json: false, isTTY: true).colours)
    #expect(!Terminal(environment: ["TERM": "dumb"], json: false, isTTY: true).colours)
    #expect(!Terminal(environment: [:], json: true, isTTY: true).colours)
  }

  @Test("an empty NO_COLOR does not count (no-color.org)")
  func emptyNoColor() {
    #expect(Terminal(environment: ["NO_COLOR": ""], json: false, isTTY: true).colours)
  }

  @Test("the plain palette leaves text untouched")
  func plainPalette() {
    let p = Terminal(environment: [:], json: false, isTTY: false).palette
    #expect(p.bad("x") == "x")
    #expect(p.bold("标题") == "标题")
  }
}
