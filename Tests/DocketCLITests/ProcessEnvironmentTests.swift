import Testing

@testable import DocketCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The live environment is read by name; a test's literal stands for exactly its variables.
@Suite("Process environment")
struct ProcessEnvironmentTests {
  @Test("the live environment answers what is set, UTF-8 included, and nil for the rest")
  func live() {
    let name = "DOCKET_TEST_ENVIRONMENT_\(getpid())"
    setenv(name, "客服 = yes", 1)
    defer { unsetenv(name) }
    #expect(ProcessEnvironment.current[name] == "客服 = yes")
    #expect(ProcessEnvironment.current[name + "_UNSET"] == nil)
  }

  @Test("a literal holds only its own variables, whatever the process has")
  func literal() {
    let environment: ProcessEnvironment = ["DOCKET_USER": "li.wei"]
    #expect(environment["DOCKET_USER"] == "li.wei")
    #expect(environment["PATH"] == nil)
  }
}
