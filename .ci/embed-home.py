import os, sys
root = sys.argv[1]
out = sys.argv[2]
entries = ["workflows", "staff.yaml", "docket.yaml", "rules", "calendars"]
files = []
for e in entries:
    p = os.path.join(root, e)
    if os.path.isfile(p):
        files.append(e)
    elif os.path.isdir(p):
        for dp, dn, fn in os.walk(p):
            dn.sort()
            for f in sorted(fn):
                if f.endswith(".yaml"):
                    files.append(os.path.relpath(os.path.join(dp, f), root))
with open(out, "w") as o:
    o.write("// A copy of the repository's bundled home, for `docket demo` when the binary runs far from\n")
    o.write("// its sources. Regenerate it when workflows/, staff.yaml, docket.yaml, rules/ or calendars/\n")
    o.write("// change: `python3 .ci/embed-home.py . Sources/DocketCLI/Demo/EmbeddedHome.swift`.\n")
    o.write("// The demo prefers the live files (found from #filePath); `docket demo --embedded` plays this copy.\n\n")
    o.write("/// The bundled home's files (relative path -> text), in path order.\n")
    o.write("enum EmbeddedHome {\n  static let files: [(String, String)] = [\n")
    for f in files:
        text = open(os.path.join(root, f), encoding="utf-8").read()
        delim = "#"
        while ('"""' + delim) in text:
            delim += "#"
        o.write(f'    (\n      "{f}",\n      {delim}"""\n')
        for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
            o.write(("      " + line).rstrip() + "\n" if line.strip() else "\n")
        o.write(f'      """{delim}\n    ),\n')
    o.write("  ]\n}\n")
