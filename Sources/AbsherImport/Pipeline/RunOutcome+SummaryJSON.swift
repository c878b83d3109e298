extension RunOutcome {
    /// The object `summary.json` holds, as it is written there: what `run --json` and `validate --json` print.
    public func summaryJSON(options: RunOptions) -> String {
        ReportWriter(outcome: self, options: options).summaryJSON().serialized()
    }
}
