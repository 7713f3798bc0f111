// The session's API speaks in the model's, the engine's and the store's types (Instance,
// Refusal, FieldInput, StoreError, InstanceSummary …); re-exporting them lets the command
// line import DocketKit alone.
@_exported import DocketDiagnostics
@_exported import DocketEngine
@_exported import DocketModel
@_exported import DocketStore
