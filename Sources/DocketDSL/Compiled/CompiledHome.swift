import CEL
import DocketModel
import OrderedCollections

/// A checked home in a compact binary form, so a command on an unchanged home neither parses
/// YAML nor decodes and checks definitions again: it reads back the ``Home`` a full load
/// built, or just the part of it the command needs.
///
/// Only for homes known valid: the caller (DocketKit) tags the bytes with the key of the
/// definition files and executable they came from, and trusts them only under the same key.
/// CEL expressions are kept as source text and compiled again on their first evaluation, in
/// the environment they were checked in (their types were checked by that first full load).
///
/// Layout, after ``magic`` and the key: settings, staff, then calendars and workflows as
/// `(id, section)` lists, lookups, and rules whose bodies are one section per workflow.
/// Sections carry their length, so a partial read skips what it does not need.
public enum CompiledHome {
  /// Names the form; a change to what is written changes the executable, and with it every
  /// key, so this names the format for people reading the file more than for safety.
  static let magic = Array("docket compiled home 1\n".utf8)

  /// The compiled form of `home`, which must come from a full load without errors.
  public static func encode(_ home: Home, key: String) -> [UInt8] {
    var w = BinaryWriter()
    for b in magic { w.byte(b) }
    w.string(key)
    w.section { $0.settings(home.settings) }
    w.section { $0.staff(home.staff) }
    w.list(home.calendars.sorted { $0.key < $1.key }) { w, entry in
      w.string(entry.key.rawValue)
      w.section { $0.calendar(entry.value) }
    }
    w.list(home.workflows.elements) { w, entry in
      w.string(entry.key.rawValue)
      w.section { $0.workflow(entry.value) }
    }
    w.list(home.lookups.elements) { w, entry in
      w.string(entry.key)
      w.lookup(entry.value)
    }
    w.list(home.rules) { $0.rule($1) }
    return w.bytes
  }

  /// The home (or the part `subset` names, as ``HomeLoader/load(_:only:)`` would load it)
  /// held in `bytes`; nil unless they are a compiled home tagged with `key` that reads back
  /// cleanly, in which case the caller loads the YAML instead.
  public static func decode(_ bytes: [UInt8], key: String, only subset: HomeSubset? = nil) -> Home? {
    guard !key.isEmpty, bytes.starts(with: magic) else { return nil }
    var r = BinaryReader(bytes, from: magic.count)
    return try? read(&r, key: key, only: subset)
  }

  private static func read(_ r: inout BinaryReader, key: String, only subset: HomeSubset?)
    throws(MalformedBytes) -> Home
  {
    guard try r.string() == key else { throw MalformedBytes() }
    var home = Home()
    home.settings = try whole(r.section()) { r throws(MalformedBytes) in try r.settings() }
    home.staff = try whole(r.section()) { r throws(MalformedBytes) in try r.staff() }
    for _ in 0..<(try r.count()) {
      let id = CalendarID(try r.string())
      guard subset?.calendars?.contains(id.rawValue) ?? true else {
        try r.skipSection()
        continue
      }
      home.calendars[id] = try whole(r.section()) { r throws(MalformedBytes) in try r.calendar() }
    }
    for _ in 0..<(try r.count()) {
      let id = WorkflowID(try r.string())
      guard subset?.workflows.contains(id.rawValue) ?? true else {
        try r.skipSection()
        continue
      }
      home.workflows[id] = try whole(r.section()) { r throws(MalformedBytes) in try r.workflow() }
    }
    var functions: [CELFunction] = []
    for _ in 0..<(try r.count()) {
      let name = try r.string()
      let lookup = try r.lookup()
      functions.append(lookup.celFunction)
      if home.workflows[lookup.workflow] != nil { home.lookups[name] = lookup }
    }
    // One environment per workflow for every rule body, as `RuleSetDecoder` shares them.
    var environments: [WorkflowID: DeferredEnvironment] = [:]
    for (id, workflow) in home.workflows {
      environments[id] = DeferredEnvironment(
        fields: workflow.fields.values, functions: functions)
    }
    home.rules = try r.list { r throws(MalformedBytes) in
      try r.rule(environments: environments)
    }
    guard r.isAtEnd else { throw MalformedBytes() }
    return home
  }

  /// What `read` makes of all of `section`, which must hold nothing more.
  private static func whole<T>(
    _ section: BinaryReader, _ read: (inout BinaryReader) throws(MalformedBytes) -> T
  ) throws(MalformedBytes) -> T {
    var r = section
    let value = try read(&r)
    guard r.isAtEnd else { throw MalformedBytes() }
    return value
  }
}
