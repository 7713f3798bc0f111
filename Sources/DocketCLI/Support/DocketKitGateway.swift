import DocketModel

/// Opens a home through DocketKit's session.
enum DocketKitGateway {
  static func open(_ options: ResolvedOptions) throws(CommandFailure) -> any SessionGateway {
    throw CommandFailure(
      code: "storage", message: "the session layer is not available in this build",
      status: .storage)
  }
}
