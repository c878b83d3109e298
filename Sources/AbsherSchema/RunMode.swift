/// How a run's files relate to the register: each the whole register (`snapshot`), or only its changes
/// (`delta`).
public enum RunMode: String, Sendable, CaseIterable { case snapshot, delta }
