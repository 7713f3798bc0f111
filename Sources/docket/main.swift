// Entry point only: the commands live in DocketCLI.
import DocketCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(DocketMain.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: .current))
