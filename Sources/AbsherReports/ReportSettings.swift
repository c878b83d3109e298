import AbsherRules
import AbsherScan

/// What the report writer is told of a run's options: the language and masking of what people read, and how
/// the input files were read (for the `rejected/` copies).
package struct ReportSettings: Sendable {
    package var language: ReportLanguage
    package var maskPII: Bool
    package var reader: ReaderOptions

    package init(language: ReportLanguage, maskPII: Bool, reader: ReaderOptions) {
        self.language = language
        self.maskPII = maskPII
        self.reader = reader
    }
}
