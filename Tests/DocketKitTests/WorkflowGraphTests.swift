import DocketKit
import DocketReports
import DocketTestSupport
import Foundation
import Testing

/// `docket graph`'s renderers: golden DOT and Mermaid for a small workflow that has every
/// feature (branches, a fallback, guards with quotes, a long guard, deadlines with a calendar,
/// a Chinese title with quotes), and the escaping rules on their own.
@Suite("Workflow graphs")
struct WorkflowGraphTests {
  static let workflow = """
    workflow: leave
    title: 请假 "申请"
    version: 2
    prefix: LV
    roles:
      clerk: 文员
      boss: 经理
    fields:
      days: { type: int, required: true }
      reason: { type: text }
    initial: asked
    deadlines:
      answer_2d:
        label: 两天内答复
        within: 48h
        start: created
        stop: [done]
        calendar: china-2026
    states:
      asked:
        label: 已申请
        assign: boss
        deadline: { within: 2h, breach: [ { notify: [boss] } ] }
        on:
          decide:
            by: [boss]
            require: [reason]
            to:
              - if: days > 3 && reason != "" && reason.size() > 10 && days < 30
                to: rejected
              - to: done
          withdraw: { to: done, by: [clerk], if: 'reason == "家里有事"', note: required }
      rejected:
        label: 已驳回
        final: true
      done:
        final: true

    """

  /// The small workflow, loaded and checked by the real loader.
  static func graph() throws -> WorkflowGraph {
    let home = try TemporaryHome()
    try home.write("workflows/leave.yaml", workflow)
    try home.write("staff.yaml", "staff:\n  li.wei: { name: 李伟, roles: [clerk, boss] }\n")
    let calendar = try String(
      contentsOf: TemporaryHome.repositoryRoot.appendingPathComponent("calendars/china-2026.yaml"),
      encoding: .utf8)
    try home.write("calendars/china-2026.yaml", calendar)
    let session = try DocketSession.open(home: home.url, clock: SystemClock())
    return WorkflowGraph(try #require(session.home.workflows["leave"]))
  }

  @Test("DOT: states, initial dot, double-circle finals, choice diamond, dashed fallback, legend")
  func goldenDOT() throws {
    let expected = #"""
      digraph "leave" {
        graph [label="请假 \"申请\" (leave, version 2)", labelloc=t, rankdir=LR, fontname="sans-serif", charset="UTF-8"];
        node [shape=box, style=rounded, fontname="sans-serif", fontsize=12];
        edge [fontname="sans-serif", fontsize=10];
        "__start" [shape=point, width=0.15, label=""];
        "asked" [label="已申请\nasked\nassign: 经理\ndeadline: 2h"];
        "asked__decide" [shape=diamond, style="", label="", width=0.25, height=0.25];
        "rejected" [shape=doublecircle, style="", label="已驳回\nrejected"];
        "done" [shape=doublecircle, style="", label="done"];
        "__start" -> "asked";
        "asked" -> "asked__decide" [label="decide\nby: 经理\nrequire: reason"];
        "asked__decide" -> "rejected" [label="[days > 3 && reason != \"\" && reason.size() > 10 …]"];
        "asked__decide" -> "done" [label="else", style=dashed];
        "asked" -> "done" [label="withdraw\nby: 文员\nif: reason == \"家里有事\"\nnote required"];
        "__legend" [shape=note, style="", label="Workflow deadlines:\l两天内答复 48h (calendar china-2026) [answer_2d]: from creation; stops at done\l"];
      }

      """#
    #expect(try Self.graph().dot == expected)
  }

  @Test("Mermaid: [*] for initial and finals, <<choice>>, entity-escaped labels, a note")
  func goldenMermaid() throws {
    let expected = #"""
      ---
      title: "请假 \"申请\" (leave, version 2)"
      ---
      stateDiagram-v2
        direction LR
        state "已申请" as asked
        asked : asked<br/>assign#58; 经理<br/>deadline#58; 2h
        state asked__decide <<choice>>
        state "已驳回" as rejected
        rejected : rejected
        state "done" as done
        [*] --> asked
        asked --> asked__decide : decide<br/>by#58; 经理<br/>require#58; reason
        asked__decide --> rejected : [days #gt; 3 && reason != #quot;#quot; && reason.size() #gt; 10 …]
        asked__decide --> done : else
        asked --> done : withdraw<br/>by#58; 文员<br/>if#58; reason == #quot;家里有事#quot;<br/>note required
        rejected --> [*]
        done --> [*]
        note left of asked
          Workflow deadlines#58;
          - 两天内答复 48h (calendar china-2026) [answer_2d]#58; from creation#59; stops at done
        end note

      """#
    #expect(try Self.graph().mermaid == expected)
  }

  @Test("DOT strings escape quotes and backslashes, turn newlines into \\n, keep Chinese")
  func dotEscaping() {
    #expect(GraphText.dotQuoted(["say \"hi\""]) == #""say \"hi\"""#)
    #expect(GraphText.dotQuoted([#"a\b"#]) == #""a\\b""#)
    #expect(GraphText.dotQuoted(["one\ntwo", "three"]) == #""one\ntwo\nthree""#)
    #expect(GraphText.dotQuoted(["客户投诉"]) == "\"客户投诉\"")
    #expect(GraphText.dotQuoted(["x\u{7}y\r"]) == "\"xy\"")
    #expect(GraphText.dotQuoted(["a", "b"], leftJustified: true) == #""a\lb\l""#)
    // A label can never close the string early: every quote inside is escaped.
    let hostile = GraphText.dotQuoted(["\"]; evil -> node [label=\""])
    #expect(Self.unescapedQuotes(in: hostile) == 2)
    #expect(hostile == #""\"]; evil -> node [label=\"""#)
  }

  /// Quotes not preceded by a backslash escape: 2 means one well-formed DOT string.
  static func unescapedQuotes(in text: String) -> Int {
    var count = 0
    var escaped = false
    for c in text {
      if escaped { escaped = false; continue }
      if c == "\\" { escaped = true } else if c == "\"" { count += 1 }
    }
    return count
  }

  @Test("Mermaid text turns grammar characters into entity codes and newlines into <br/>")
  func mermaidEscaping() {
    #expect(GraphText.mermaid(["a: \"b\"; #c"]) == "a#58; #quot;b#quot;#59; #35;c")
    #expect(GraphText.mermaid(["x < 3 > y"]) == "x #lt; 3 #gt; y")
    #expect(GraphText.mermaid(["一\n二", "三"]) == "一<br/>二<br/>三")
    #expect(GraphText.mermaid(["{a|b}%%"]) == "#123;a#124;b#125;#37;#37;")
    #expect(GraphText.mermaidID("sla-check.2") == "sla_check_2")
    #expect(GraphText.yamlQuoted(#"客户 "A" \ B"#) == #""客户 \"A\" \\ B""#)
  }

  @Test("long conditions are cut to the limit with …, whitespace folded to one line")
  func abbreviation() {
    #expect(WorkflowGraph.abbreviate("a  &&\n   b") == "a && b")
    let long = String(repeating: "x", count: 100)
    let cut = WorkflowGraph.abbreviate(long)
    #expect(cut.count == WorkflowGraph.conditionLimit)
    #expect(cut.hasSuffix("…"))
    #expect(WorkflowGraph.abbreviate("满意度 == \"不满意\"", limit: 5) == "满意度 …")
  }
}
