import DocketDSL
import DocketDiagnostics
import DocketModel
import Testing

@Suite("Decoding a workflow from text")
struct WorkflowDecodingTests {
  static let text = """
    workflow: complaint
    version: 2
    prefix: CMP
    roles: { specialist: 客服专员 }
    fields:
      visits: { type: int, default: 0 }
      amount: { type: number }
    initial: received
    deadlines:
      sla: { within: 1h30m, start: created, stop: [closed], warn: { before: 30m, assign: specialist } }
    states:
      received:
        assign: specialist
        deadline: { within: 2h, breach: [ { event: accept } ] }
        on:
          accept:
            to: closed
            if: { expr: "amount > 0.0", message: 金额必须大于0 }
            set: { visits: "visits + 1", amount: "visits" }
            note: optional
      closed: { final: true }
    """

  @Test func decodesEveryPart() throws {
    let result = HomeLoader.decodeWorkflow(text: Self.text, path: "workflows/complaint.yaml")
    #expect(result.diagnostics.diagnostics.isEmpty, "\(result.diagnostics.sorted)")
    let workflow = try #require(result.definition)
    #expect(workflow.version == 2)
    #expect(workflow.fields["visits"]?.defaultValue == .int(0))
    let accept = try #require(workflow.transition("accept", in: "received"))
    #expect(accept.guardCondition?.message == "金额必须大于0")
    #expect(accept.assignments.map(\.field) == ["visits", "amount"])
    #expect(accept.note == .optional)
    #expect(workflow.deadline(named: "received")?.within == .hours(2))
    #expect(workflow.deadline(named: "sla")?.warning?.before == .minutes(30))
    #expect(workflow.digest == SHA256.digest(Array(Self.text.utf8)))
  }

  @Test func aGuardCompilesToARunnableProgram() throws {
    let workflow = try #require(
      HomeLoader.decodeWorkflow(text: Self.text, path: "workflows/complaint.yaml").definition)
    let program = try #require(workflow.transition("accept", in: "received")?.guardCondition)
    #expect(program.expression.source == "amount > 0.0")
    #expect(program.expression.span?.start == SourcePosition(line: 18, column: 22))
  }

  @Test func theFileStemMustMatchTheID() {
    let result = HomeLoader.decodeWorkflow(text: Self.text, path: "workflows/other.yaml")
    #expect(result.diagnostics.errors.map(\.id) == ["workflow_id_mismatch"])
  }
}

@Suite("SHA-256 digests")
struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func knownVectors(_ input: String, _ hex: String) {
    #expect(SHA256.hex(Array(input.utf8)) == hex)
  }

  @Test func aMillionAs() {
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
