import DocketModel
import Foundation
import Testing

@testable import DocketStore

let customerField = FieldDefinition(name: "customer", type: .string)
let categoryField = FieldDefinition(name: "category", type: .enum(["noise", "hygiene", "facility"]))
let amountField = FieldDefinition(name: "amount", type: .number)

/// `complaints_of(customer, category)`, as a rules file would declare it.
let complaintsOf = LookupDefinition(name: "complaints_of", workflow: "complaint", keys: [customerField, categoryField])
/// `by_customer(customer)`.
let byCustomer = LookupDefinition(name: "by_customer", workflow: "complaint", keys: [customerField])

func lookupStore(_ folder: ScratchFolder, lookups: [LookupDefinition] = [complaintsOf, byCustomer]) -> FileInstanceStore {
  FileInstanceStore(
    directory: folder.url, timeZone: shanghai,
    workflowsByPrefix: ["CMP": "complaint", "REV": "revisit"],
    title: { $0.fields["customer"]?.stringValue }, lookups: lookups)
}

/// A new complaint with these key fields (`.null` leaves the field unset).
func keyed(_ number: Int, customer: JSONValue, category: JSONValue) -> Instance {
  rekeyed(complaint(number), customer: customer, category: category)
}

/// The ticket with its key fields set (`.null` removes the field, as an unset field is absent).
func rekeyed(_ instance: Instance, customer: JSONValue, category: JSONValue) -> Instance {
  var i = instance
  i.fields["customer"] = customer.isNull ? nil : customer
  i.fields["category"] = category.isNull ? nil : category
  return i
}

/// Commits to an in-memory store the way ``commit(_:_:outbox:pins:)`` does to a file store.
func commit(_ store: InMemoryInstanceStore, _ instances: [Instance]) throws {
  let tx = try store.beginWrite()
  defer { tx.end() }
  try tx.commit(Changeset(instances: instances), pins: [])
}

/// What the index answers and what reading every ticket answers, for each key, in a read
/// and then a write transaction (a write may also repair or compact).
func expectIndexAgreesWithScan(
  _ store: any InstanceStore, _ lookup: LookupDefinition, keys: [[JSONValue]],
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  for write in [false, true] {
    let tx = try write ? store.beginWrite() : store.beginRead()
    defer { tx.end() }
    for key in keys {
      let indexed = try tx.lookup(lookup, key: key)
      let scanned = try tx.scanLookup(lookup, key: key)
      #expect(indexed == scanned, "\(lookup.name)\(key)", sourceLocation: sourceLocation)
    }
  }
}

/// Every combination of the given values, one list per key field.
func keyGrid(_ columns: [[JSONValue]]) -> [[JSONValue]] {
  columns.reduce([[]]) { partial, column in partial.flatMap { prefix in column.map { prefix + [$0] } } }
}

/// The bucket file a key of `lookup` falls in, absolute.
func bucketPath(_ folder: ScratchFolder, _ store: FileInstanceStore, _ lookup: LookupDefinition, _ key: [JSONValue]) -> String {
  let text = LookupKey.text(LookupEntry.canonicalKey(key))
  return folder.path + "/"
    + LookupIndex.relativeBucket(lookup, LookupKey.bucket(of: text, count: store.lookupBucketCount))
}
