import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport

/// The first pass over one input file: every row read and checked by the field rules.
public struct FileScan: Sendable {
    public var input: InputFile
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    /// Lowercase hex SHA-256 of the file's bytes, empty when it could not be read.
    public var sha256: String
    /// The file's identity once it was read (`FileIdentity`): the second pass of a run checks the file
    /// is still the same with it instead of hashing it again.
    package var identity: FileIdentity?
    public var header: HeaderMap?
    /// File, header and field findings; the reconciler adds the cross-row ones.
    public var findings: [Finding]
    public var isUsable: Bool

    package var facts = ChunkedArray<RowFacts>()
    /// For citizens and residents, what the matcher needs of each row (contract §4b); empty for sponsors.
    /// The reconciler empties it (and `names`) once the matcher is done: the merge needs neither.
    package var people = ChunkedArray<PersonFacts>()
    /// The normalised names `people` refer to.
    package var names = TextArena()
    /// The pairs of the matcher whose record of this run is in this file (contract §4b), set by the reconciler.
    package var matches: [PersonMatch] = []
    /// The matcher's blocks too large to pair on (`MatchBlocks.maxBlock`), set by the reconciler on the run's
    /// first file: a run-wide count, reported so that no skipped pair goes unsaid.
    package var matchBlocksSkipped = 0
    /// The usernames and e-mails the facts refer to.
    package var arena = TextArena()

    package init(
        input: InputFile, encoding: TextEncoding?, delimiter: UInt8?, sha256: String, identity: FileIdentity? = nil,
        header: HeaderMap?, findings: [Finding], isUsable: Bool, facts: ChunkedArray<RowFacts> = ChunkedArray(),
        arena: TextArena = TextArena()
    ) {
        self.input = input
        self.encoding = encoding
        self.delimiter = delimiter
        self.sha256 = sha256
        self.identity = identity
        self.header = header
        self.findings = findings
        self.isUsable = isUsable
        self.facts = facts
        self.arena = arena
    }

    public var rowsRead: Int { facts.count }
    public var rowsRejected: Int { facts.reduce(0) { $0 + ($1.disposition == .rejected ? 1 : 0) } }
    public var rowsAccepted: Int { rowsRead - rowsRejected }
    public var warningCount: Int { findings.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
}

/// Reads a file's records and gives progress to whoever watches.
public typealias ProgressHandler = @Sendable (_ file: InputFile, _ bytesRead: Int, _ fileSize: Int, _ rows: Int) -> Void
