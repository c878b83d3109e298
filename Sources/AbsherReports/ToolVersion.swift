/// The tool's version: what `--version` prints and `summary.json` records (contract §6.7).
package enum ToolVersion {
    package static let current = "0.1.0"
}
