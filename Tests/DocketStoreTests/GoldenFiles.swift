import Foundation

/// Golden instance files for the wire-format tests.
///
/// Kept as Swift text rather than resource files so the test target needs no resources; the
/// contract's own example is read from `docs/examples/CMP-000001.json` in place.
enum GoldenFiles {
  /// Every key the store writes: deadline extensions, history `note`/`assignee`/`rule`,
  /// links both ways, escapes, Chinese, `/`, a whole double, fractional seconds.
  static let fullInstance = #"""
{
  "assignee": {
    "role": "supervisor",
    "user": null
  },
  "closed_at": null,
  "created_at": "2026-03-02T09:00:00+08:00",
  "deadlines": {
    "handle_24h": {
      "breached_at": "2026-03-03T09:00:00+08:00",
      "due_at": "2026-03-03T09:00:00+08:00",
      "started_at": "2026-03-02T09:00:00+08:00",
      "state": "breached",
      "warn_at": "2026-03-03T07:00:00+08:00",
      "warned_at": "2026-03-03T07:00:00+08:00"
    },
    "reply_3d": {
      "breached_at": null,
      "due_at": "2026-03-05T10:05:00.250+08:00",
      "paused_at": "2026-03-02T12:00:00+08:00",
      "remaining": "2d22h5m",
      "started_at": "2026-03-02T10:05:00+08:00",
      "state": "paused"
    },
    "visit_1h": {
      "breached_at": null,
      "due_at": "2026-03-02T10:00:00+08:00",
      "met_at": "2026-03-02T09:30:00+08:00",
      "started_at": "2026-03-02T09:00:00+08:00",
      "state": "met"
    }
  },
  "digest": "sha256:5d1f8a0c3b7e4f2a9c6d8e1b0a7f3c5e2d9b4a6c8e0f1d3b5a7c9e2f4a6b8d0c",
  "fields": {
    "amount": 300.5,
    "contacts": 2,
    "customer": "张三 \"老张\"",
    "description": "L3/美食广场\n夜间噪音\ttab",
    "empty": [],
    "parts": [
      "滤网",
      "皮带"
    ],
    "ratio": 3.0,
    "urgent": true,
    "visit_at": null
  },
  "format": 1,
  "history": [
    {
      "actor": "li.wei",
      "at": "2026-03-02T09:00:00+08:00",
      "event": "create",
      "from": null,
      "seq": 1,
      "set": {
        "customer": "张三 \"老张\""
      },
      "to": "received"
    },
    {
      "actor": "system",
      "assignee": {
        "role": "supervisor",
        "user": null
      },
      "at": "2026-03-03T09:00:00+08:00",
      "event": "breach:handle_24h",
      "from": "handling",
      "note": "超时/升级",
      "rule": "escalate-late-complaints",
      "seq": 2,
      "set": {},
      "to": "handling"
    }
  ],
  "id": "CMP-000042",
  "links": {
    "children": [
      "REV-000001",
      "REV-000007"
    ],
    "parent": "SRV-000003"
  },
  "revision": 2,
  "state": "handling",
  "status": "open",
  "updated_at": "2026-03-03T09:00:00+08:00",
  "version": 3,
  "workflow": "complaint"
}

"""#

  static let contractExample = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/examples/CMP-000001.json")
}
