import CEL
import DocketModel
import Foundation

/// The home's lookups by overload id (`lookup_<name>`), prepared once per engine.
final class LookupTable: Sendable {
  let byOverload: [String: LookupDefinition]
  let zone: Zone

  init(_ lookups: some Sequence<LookupDefinition>, zone: Zone) {
    // Inserted one by one (the first of a name wins): a pair array for Dictionary(_:) was a
    // type of its own to set up at run time.
    var byOverload: [String: LookupDefinition] = [:]
    for lookup in lookups where byOverload[lookup.overloadID] == nil { byOverload[lookup.overloadID] = lookup }
    self.byOverload = byOverload
    self.zone = zone
  }
}

/// What a lookup sees during one command: the store's answer for tickets this command has
/// not touched, and this command's own version of the tickets it has changed or created
/// (so a rule sees the complaint created a moment ago by the same command).
///
/// `@unchecked Sendable` because CEL's function type is `@Sendable`: a scope lives only
/// for the synchronous evaluations of one command and is never shared between threads.
final class LookupScope: @unchecked Sendable {
  private let reader: any InstanceReader
  private let changed: [Instance]
  private let lookups: LookupTable

  init(reader: any InstanceReader, changed: [Instance], lookups: LookupTable) {
    self.reader = reader
    self.changed = changed
    self.lookups = lookups
  }

  func implementation(ofOverload id: String) -> CELImplementation? {
    guard let lookup = lookups.byOverload[id] else { return nil }
    return { [self] args in answer(lookup, args) }
  }

  /// The matching tickets in id order, each a map: `id`, `workflow`, `state`, `status`,
  /// `created_at`, `updated_at`, `closed_at` (timestamp or null) and the key fields by name.
  func answer(_ lookup: LookupDefinition, _ args: [CELValue]) -> CELValue {
    guard args.count == lookup.keys.count else {
      return .error(
        CELError(
          code: "lookup",
          "\(lookup.name) takes \(lookup.keys.count) argument\(lookup.keys.count == 1 ? "" : "s"), not \(args.count)"))
    }
    var key: [JSONValue] = []
    for (field, arg) in zip(lookup.keys, args) {
      switch FieldConversion.jsonValue(arg, for: field, zone: lookups.zone) {
      case .success(let v): key.append(v)
      case .failure(let f):
        return .error(CELError(code: "lookup", "\(lookup.name): '\(field.name)' \(f.reason)"))
      }
    }
    let stored: [LookupEntry]
    do {
      stored = try reader.lookup(lookup, key: key)
    } catch {
      return .error(CELError(code: "storage", "\(lookup.name) could not be answered: \(error)"))
    }
    var entries: [LookupEntry]
    if changed.isEmpty {
      entries = stored
    } else {
      let touched = Set(changed.map(\.id))
      entries = stored.filter { !touched.contains($0.id) }
      // Compared as the store compares keys, so a ticket this command changed matches
      // exactly when its stored version would.
      let wanted = LookupEntry.canonicalKey(key)
      for instance in changed {
        if let e = LookupEntry(instance, for: lookup), LookupEntry.canonicalKey(e.key) == wanted {
          entries.append(e)
        }
      }
      entries.sort { $0.id < $1.id }
    }
    return .list(entries.map { map(of: $0, lookup) })
  }

  private func map(of entry: LookupEntry, _ lookup: LookupDefinition) -> CELValue {
    var map = CELMap(strings: [
      "id": .string(entry.id.rawValue),
      "workflow": .string(entry.workflow.rawValue),
      "state": .string(entry.state.rawValue),
      "status": .string(entry.status.rawValue),
      "created_at": FieldConversion.timestamp(entry.createdAt),
      "updated_at": FieldConversion.timestamp(entry.updatedAt),
      "closed_at": entry.closedAt.map(FieldConversion.timestamp) ?? .null,
    ])
    for (field, value) in zip(lookup.keys, entry.key) {
      map[.string(field.name.rawValue)] = FieldConversion.celValue(value, as: field.type)
    }
    return .map(map)
  }
}
