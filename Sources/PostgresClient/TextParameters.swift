#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text parameters as the `const char * const *` that `PQexecParams` and `PQexecPrepared` take: copies
/// made with `strdup`, freed by `withPointers`. A `nil` value is SQL NULL.
struct TextParameters {
    /// The values, for scrubbing them out of error messages.
    let values: [String?]

    init(_ parameters: [(any PostgresTextEncodable)?]) {
        values = parameters.map { $0?.postgresText }
    }

    /// Throws when a value holds a NUL byte, which text parameters cannot carry (it would cut the value
    /// short); the error names the parameter, not its value.
    func validate(sql: String) throws(PostgresError) {
        for (offset, value) in values.enumerated() where value?.utf8.contains(0) == true {
            throw PostgresError.misuse("text parameter $\(offset + 1) contains a NUL byte", sql: sql)
        }
    }

    /// Calls `body` with the count and the C strings of the values, valid only inside `body`.
    func withPointers<Result>(_ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { value in value.flatMap { strdup($0) } }
        defer {
            for copy in copies {
                free(copy)
            }
        }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { buffer in
            body(Int32(buffer.count), buffer.baseAddress)
        }
    }
}
