import AbsherReading
import AbsherSchema

/// The script a name column must be written in (contract §3.6 Names).
public enum NameScript: Sendable {
    /// Arabic letters, spaces and `-`.
    case arabic
    /// Latin letters, spaces, `-`, `'` and `.`.
    case latin
    /// Any script (the sponsor's name): see `PersonName.validate(_:script:)`.
    case any
}
