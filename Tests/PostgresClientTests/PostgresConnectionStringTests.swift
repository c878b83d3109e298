import Testing

@testable import PostgresClient

@Suite struct PostgresConnectionStringTests {
    @Test(arguments: [
        ("postgresql://absher:s3cret@db.example:5432/register", "postgresql://absher:***@db.example:5432/register"),
        ("postgres://absher:s3cret@db.example/register", "postgres://absher:***@db.example/register"),
        ("postgresql://absher:p%40ss%2Fw@host/db?sslmode=require", "postgresql://absher:***@host/db?sslmode=require"),
        ("postgresql://absher:a:b?c@host/db", "postgresql://absher:***@host/db"),
        (
            "postgresql:///register?host=/tmp/pg&password=s3cret&port=5433",
            "postgresql:///register?host=/tmp/pg&password=***&port=5433"
        ),
        ("postgresql://absher@host/db?password=s3cret", "postgresql://absher@host/db?password=***"),
        ("postgresql://u:one@host/db?password=two", "postgresql://u:***@host/db?password=***"),
        ("postgresql://absher@host/db?pass%77ord=s3cret", "postgresql://absher@host/db?pass%77ord=***"),
        ("host=/tmp/pg password=s3cret dbname=register", "host=/tmp/pg password=*** dbname=register"),
        ("host=db password = s3cret", "host=db password = ***"),
        ("host=db password='s3 c\\'ret' user=absher", "host=db password='***' user=absher"),
        ("password=s\\ 3cret host=db", "password=*** host=db"),
    ])
    func hidesPasswords(text: String, expected: String) {
        let connectionString = PostgresConnectionString(text)
        #expect(connectionString.redacted == expected)
        #expect("\(connectionString)" == expected)
        #expect(!String(reflecting: connectionString).contains("s3cret"))
    }

    @Test(arguments: [
        "postgresql:///register?host=/tmp/pg&port=5433&user=absher",
        "postgresql://absher@db.example:5432/register?options=-c%20search_path%3Dabsher",
        "host=/tmp/pg port=5433 dbname=register user=absher passfile=/home/absher/.pgpass",
        "register",
    ])
    func leavesStringsWithoutPasswordAlone(text: String) {
        #expect(PostgresConnectionString(text).redacted == text)
    }

    @Test func hidesTheRestOfAMalformedStringAfterAPassword() {
        // libpq reads `password=se` and then refuses `cret`, quoting it in its message.
        let connectionString = PostgresConnectionString("host=db password=se cret")
        #expect(connectionString.redacted == "host=db password=*** ***")
        #expect(
            connectionString.scrub("missing \"=\" after \"cret\" in connection info string")
                == "missing \"=\" after \"***\" in connection info string")
    }

    @Test func scrubsWrittenAndDecodedForms() {
        let connectionString = PostgresConnectionString("postgresql://absher:p%40ss@host/db")
        #expect(connectionString.scrub("a p%40ss b p@ss c") == "a *** b *** c")
    }

    @Test func recognisesURIs() {
        #expect(PostgresConnectionString.isURI("postgresql:///absher?host=/tmp"))
        #expect(PostgresConnectionString.isURI("postgres://host/db"))
        #expect(!PostgresConnectionString.isURI("store.sqlite"))
        #expect(!PostgresConnectionString.isURI("host=/tmp dbname=absher"))
    }
}
