import CLibPQ
import Foundation

/// The `PG_DIAG_*` field codes of `PQresultErrorField`, which Swift does not import (they are `char`
/// literals in `postgres_ext.h`).
enum DiagnosticField {
    static let sqlState = Int32(UInt8(ascii: "C"))  // PG_DIAG_SQLSTATE
    static let messagePrimary = Int32(UInt8(ascii: "M"))  // PG_DIAG_MESSAGE_PRIMARY
    static let constraintName = Int32(UInt8(ascii: "n"))  // PG_DIAG_CONSTRAINT_NAME
}
