import ArgumentParser

/// What a command accepts on its command line, declared so that it can be parsed without
/// reflection.
///
/// ArgumentParser learns a command's arguments by reflecting on it, and in a static binary
/// that costs more than a tenth of a whole `docket advance` (docs/performance.md §12). The
/// commands staff run all day declare their grammar once more here; ``DirectParsing`` splits
/// a plain command line by it and builds the command with no reflection at all. Anything the
/// grammar does not cover exactly — help, `--`, short options, `--name=value` of a flag, a
/// repeated single option, a value that does not parse — is left to ArgumentParser, so its
/// messages stay the only ones. `DirectParsingTests` holds the two parsers to the same result
/// over generated command lines, so the grammar cannot drift from the declarations.
struct CommandGrammar: Sendable {
  /// How many positional arguments (all required).
  var positionals: Int
  /// Long option names taking one value each time; `repeatable` ones may come many times.
  var options: Set<String> = []
  var repeatable: Set<String> = []
  /// Long flag names (no value).
  var flags: Set<String> = []

  /// The options every command takes (``GlobalOptions``).
  static let globalOptions: Set<String> = ["home", "as", "now"]
  static let globalFlags: Set<String> = ["json"]
}

/// A command line split by a ``CommandGrammar``.
struct CommandWords: Sendable {
  var positionals: [String] = []
  /// Option name -> its values, in the order given.
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  func value(_ name: String) -> String? { values[name]?.last }
  func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A command that can be built from its ``CommandGrammar`` without ArgumentParser.
///
/// A property added to such a command must be added to its grammar and set in
/// ``init(words:)`` too: until it is, lines using a new option simply go to ArgumentParser, and
/// `DirectParsingTests` fails for a property left unset.
protocol DirectlyParsable: DocketRunnable {
  static var grammar: CommandGrammar { get }
  /// The command with every property set (ArgumentParser stops the process on reading a
  /// property a parse left unset); nil when a value does not convert.
  ///
  /// Set the properties on a local copy made by `Self()`, never as `self.x = …` after
  /// `self.init()`: in an initializer Swift turns that assignment to a wrapped property with a
  /// default into a fresh wrapper, which ArgumentParser takes for an unparsed declaration.
  init?(words: CommandWords)
}

/// A command whose whole line is the global options (`queue`, `tick`).
protocol GlobalOptionsOnly: DirectlyParsable {
  var global: GlobalOptions { get set }
}

extension GlobalOptionsOnly {
  static var grammar: CommandGrammar { CommandGrammar(positionals: 0) }

  init?(words: CommandWords) {
    var command = Self()
    command.global = GlobalOptions(words: words)
    self = command
  }
}

/// A command on one ticket and nothing else (`show ID`, `history ID`).
protocol OneTicketCommand: DirectlyParsable {
  var id: String { get set }
  var global: GlobalOptions { get set }
}

extension OneTicketCommand {
  static var grammar: CommandGrammar { CommandGrammar(positionals: 1) }

  init?(words: CommandWords) {
    var command = Self()
    command.id = words.positionals[0]
    command.global = GlobalOptions(words: words)
    self = command
  }
}

/// A command that fires, or tries, an event (`advance`, `explain`): `ID EVENT [--set K=V]...
/// [--note TEXT]`.
protocol EventCommand: DirectlyParsable {
  var id: String { get set }
  var event: String { get set }
  var fields: [FieldAssignment] { get set }
  var note: String? { get set }
  var global: GlobalOptions { get set }
}

extension EventCommand {
  static var grammar: CommandGrammar {
    CommandGrammar(positionals: 2, options: ["set", "note"], repeatable: ["set"])
  }

  init?(words: CommandWords) {
    guard let fields = words.fieldAssignments else { return nil }
    var command = Self()
    command.id = words.positionals[0]
    command.event = words.positionals[1]
    command.fields = fields
    command.note = words.value("note")
    command.global = GlobalOptions(words: words)
    self = command
  }
}

enum DirectParsing {
  /// The commands parsed without reflection: the ones staff run all day.
  static let commands: [any DirectlyParsable.Type] = [
    DocketCommand.Advance.self, DocketCommand.Show.self, DocketCommand.New.self,
    DocketCommand.Assign.self, DocketCommand.History.self, DocketCommand.Queue.self,
    DocketCommand.List.self, DocketCommand.Tick.self, DocketCommand.Explain.self,
  ]

  /// The command `arguments` (after the program name) name, when the line is plain enough for
  /// its grammar and passes the command's own validation; nil leaves it to ArgumentParser.
  static func parse(_ arguments: [String]) -> (any DocketRunnable)? {
    guard let word = arguments.first,
      let command = commands.first(where: { $0.configuration.commandName == word }),
      let words = split(arguments.dropFirst(), by: command.grammar),
      var parsed = command.init(words: words)
    else { return nil }
    do {
      try parsed.validate()
    } catch {
      return nil
    }
    return parsed
  }

  /// The words of `tokens` by `grammar`, or nil at anything it does not cover exactly.
  static func split(_ tokens: ArraySlice<String>, by grammar: CommandGrammar) -> CommandWords? {
    let options = grammar.options.union(CommandGrammar.globalOptions)
    let flags = grammar.flags.union(CommandGrammar.globalFlags)
    var words = CommandWords()
    var index = tokens.startIndex
    while index < tokens.endIndex {
      let token = tokens[index]
      index += 1
      guard token.hasPrefix("-") else {
        words.positionals.append(token)
        continue
      }
      // Short options, `--` and negative-looking positionals are ArgumentParser's to read.
      guard token.hasPrefix("--"), token.count > 2 else { return nil }
      let body = token.dropFirst(2)
      let name: String
      var value: String?
      if let equals = body.firstIndex(of: "=") {
        name = String(body[..<equals])
        value = String(body[body.index(after: equals)...])
        // ArgumentParser reads `--name=` as a missing value.
        guard value?.isEmpty == false else { return nil }
      } else {
        name = String(body)
      }
      if flags.contains(name) {
        guard value == nil, words.flags.insert(name).inserted else { return nil }
      } else if options.contains(name) {
        if value == nil {
          guard index < tokens.endIndex, !tokens[index].hasPrefix("-") else { return nil }
          value = tokens[index]
          index += 1
        }
        guard let value, words.values[name] == nil || grammar.repeatable.contains(name) else {
          return nil
        }
        words.values[name, default: []].append(value)
      } else {
        return nil
      }
    }
    guard words.positionals.count == grammar.positionals else { return nil }
    return words
  }
}

extension GlobalOptions {
  /// The global options of a directly parsed line.
  init(words: CommandWords) {
    var options = Self()
    options.home = words.value("home")
    options.actor = words.value("as")
    options.now = words.value("now")
    options.json = words.flag("json")
    self = options
  }
}

extension CommandWords {
  /// Every `--set field=value`, or nil when one is not of that form.
  var fieldAssignments: [FieldAssignment]? {
    var fields: [FieldAssignment] = []
    for text in values["set"] ?? [] {
      guard let field = FieldAssignment(argument: text) else { return nil }
      fields.append(field)
    }
    return fields
  }
}
