// The Swift floor for `docket advance`: the same work as floor.c (read one ticket file, write
// it back through a temp file, fsync, rename, fsync the folder) from a minimal Swift program:
// the Swift runtime's start-up cost plus the I/O, no Foundation. Usage: floor-swift FILE
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ what: String) -> Never {
  perror(what)
  exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  fputs("usage: floor-swift FILE\n", stderr)
  exit(2)
}
let path = arguments[1]
let input = open(path, O_RDONLY)
if input < 0 { fail(path) }
var bytes: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 1 << 16)
while true {
  let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
  if n < 0 { fail("read") }
  if n == 0 { break }
  bytes.append(contentsOf: chunk[0..<n])
}
close(input)
let temporary = path + ".tmp"
let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
if output < 0 { fail(temporary) }
var written = 0
while written < bytes.count {
  let n = bytes.withUnsafeBytes { write(output, $0.baseAddress! + written, $0.count - written) }
  if n < 0 { fail("write") }
  written += n
}
if fsync(output) != 0 { fail("fsync") }
close(output)
if rename(temporary, path) != 0 { fail("rename") }
let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
let directory = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY)
if directory < 0 || fsync(directory) != 0 { fail("fsync folder") }
close(directory)
