/// A value sent as a text parameter (`$1`, `$2`…) in PostgreSQL's text input format: `String`, `Int`,
/// `Int64`, `Double`, `Bool`. The server converts it to the parameter's type.
public protocol PostgresTextEncodable {
    /// The value in PostgreSQL's text input format.
    var postgresText: String { get }
}

extension String: PostgresTextEncodable {
    public var postgresText: String { self }
}

extension Int: PostgresTextEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresTextEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresTextEncodable {
    public var postgresText: String { String(self) }
}

extension Double: PostgresTextEncodable {
    /// The shortest text that reads back as the same double; `NaN`, `Infinity` and `-Infinity` as
    /// PostgreSQL spells them.
    public var postgresText: String {
        if isNaN {
            return "NaN"
        }
        if isInfinite {
            return self < 0 ? "-Infinity" : "Infinity"
        }
        return String(self)
    }
}

extension Bool: PostgresTextEncodable {
    public var postgresText: String { self ? "true" : "false" }
}
