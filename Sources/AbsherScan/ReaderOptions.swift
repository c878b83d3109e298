import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport
import Foundation

/// How the reader is told to read: overrides of the detected dialect (contract §2 Input files).
public struct ReaderOptions: Sendable {
    public var delimiter: UInt8?
    public var encoding: TextEncoding?

    public init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil) {
        self.delimiter = delimiter
        self.encoding = encoding
    }
}
