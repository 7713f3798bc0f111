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
  /// (Arrays, not sets: a handful of names is scanned faster than hashed, and a set of a new
  /// element type costs its run-time set-up on first use.)
  var options: [String] = []
  var repeatable: [String] = []
  /// Long flag names (no value).
  var flags: [String] = []

  /// The options every command takes (``GlobalOptions``).
  static let globalOptions = ["home", "as", "now"]
  static let globalFlags = ["json"]

  func takesOption(_ name: String) -> Bool {
    options.contains(name) || Self.globalOptions.contains(name)
  }

  func takesFlag(_ name: String) -> Bool {
    flags.contains(name) || Self.globalFlags.contains(name)
  }
}

/// A command line split by a ``CommandGrammar``.
struct CommandWords: Sendable {
  var positionals: [String] = []
  /// Each option given, and its value, in the order given (parallel arrays).
  var names: [String] = []
  var texts: [String] = []
  var flags: [String] = []

  /// The option's last value.
  func value(_ name: String) -> String? {
    names.lastIndex(of: name).map { texts[$0] }
  }

  /// Every value of the option, in the order given.
  func values(_ name: String) -> [String] {
    names.indices.filter { names[$0] == name }.map { texts[$0] }
  }

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
/// [--note TEXT]`. Parsed directly, such a line becomes an ``EventLine``, not the command.
protocol EventCommand: DocketRunnable {
  static var kind: EventLine.Kind { get }
  var id: String { get }
  var event: String { get }
  var fields: [FieldAssignment] { get }
  var note: String? { get }
}

extension EventCommand {
  /// The line as plain values, which is what runs.
  var line: EventLine {
    EventLine(kind: Self.kind, id: id, event: event, fields: fields, note: note, globals: global.values)
  }

  func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
    try line.execute(in: context)
  }
}

/// An `advance` or `explain` line as plain values: built by ``DirectParsing`` with no
/// ArgumentParser type at all (creating the command's property wrappers, its option names
/// and help cost 0.1 M instructions of first uses in the static binary, docs/performance.md
/// §13), or from the parsed command (``EventCommand/line``). Neither command has a
/// `validate()` for the direct path to skip.
struct EventLine: CommandRun, Sendable, Equatable {
  enum Kind: String, CaseIterable, Sendable {
    case advance, explain
  }

  var kind: Kind
  var id: String
  var event: String
  var fields: [FieldAssignment]
  var note: String?
  var globals: GlobalValues

  static let grammar = CommandGrammar(positionals: 2, options: ["set", "note"], repeatable: ["set"])

  func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
    switch kind {
    case .advance: try DocketCommand.Advance.run(self, in: context)
    case .explain: try DocketCommand.Explain.run(self, in: context)
    }
  }
}

extension EventLine {
  /// The line of `kind` its words spell; nil when a `--set` is not `field=value`.
  init?(_ kind: Kind, words: CommandWords) {
    guard let fields = words.fieldAssignments else { return nil }
    self.init(
      kind: kind, id: words.positionals[0], event: words.positionals[1], fields: fields,
      note: words.value("note"), globals: GlobalValues(words: words))
  }
}

enum DirectParsing {
  /// The other commands parsed without reflection: the ones staff run all day.
  static let commands: [any DirectlyParsable.Type] = [
    DocketCommand.Show.self, DocketCommand.New.self, DocketCommand.Assign.self,
    DocketCommand.History.self, DocketCommand.Queue.self, DocketCommand.List.self,
    DocketCommand.Tick.self,
  ]

  /// The command `arguments` (after the program name) name, when the line is plain enough for
  /// its grammar and passes the command's own validation; nil leaves it to ArgumentParser.
  /// `advance` and `explain` are read first, into an ``EventLine``, without touching the
  /// list of commands above (its first use sets up run-time types).
  static func parse(_ arguments: [String]) -> (any CommandRun)? {
    guard let word = arguments.first else { return nil }
    if let kind = EventLine.Kind(rawValue: word) {
      return split(arguments.dropFirst(), by: EventLine.grammar).flatMap { EventLine(kind, words: $0) }
    }
    guard let command = commands.first(where: { $0.configuration.commandName == word }),
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
      if grammar.takesFlag(name) {
        guard value == nil, !words.flags.contains(name) else { return nil }
        words.flags.append(name)
      } else if grammar.takesOption(name) {
        if value == nil {
          guard index < tokens.endIndex, !tokens[index].hasPrefix("-") else { return nil }
          value = tokens[index]
          index += 1
        }
        guard let value, !words.names.contains(name) || grammar.repeatable.contains(name) else {
          return nil
        }
        words.names.append(name)
        words.texts.append(value)
      } else {
        return nil
      }
    }
    guard words.positionals.count == grammar.positionals else { return nil }
    return words
  }
}

extension GlobalValues {
  /// The global options of a directly parsed line.
  init(words: CommandWords) {
    self.init(
      home: words.value("home"), actor: words.value("as"), now: words.value("now"),
      json: words.flag("json"))
  }
}

extension GlobalOptions {
  /// The global options of a directly parsed line.
  init(words: CommandWords) {
    let values = GlobalValues(words: words)
    var options = Self()
    options.home = values.home
    options.actor = values.actor
    options.now = values.now
    options.json = values.json
    self = options
  }
}

extension CommandWords {
  /// Every `--set field=value`, or nil when one is not of that form.
  var fieldAssignments: [FieldAssignment]? {
    var fields: [FieldAssignment] = []
    for text in values("set") {
      guard let field = FieldAssignment(argument: text) else { return nil }
      fields.append(field)
    }
    return fields
  }
}
