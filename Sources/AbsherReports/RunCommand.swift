/// The command a run was: `run` merges into the store, `validate` only checks.
public enum RunCommand: String, Sendable, CaseIterable { case run, validate }
