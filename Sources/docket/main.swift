// Entry point only: the commands live in DocketCLI.
import DocketCLI
import Foundation

exit(
  DocketMain.run(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment))
