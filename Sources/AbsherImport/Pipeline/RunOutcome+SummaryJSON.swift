extension RunOutcome {
    /// The object `summary.json` holds, serialized on one line: what `run --json` and `validate --json` print.
    public func summaryJSON(options: RunOptions) -> String {
        ReportWriter(outcome: self, options: options).summaryJSON().serialized()
    }
}
