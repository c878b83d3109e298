import Foundation
import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresAdvisoryLockTests {
    /// Opens a transaction on `connection` that holds the lock `key`.
    private static func hold(_ key: Int64, on connection: PostgresConnection) throws {
        try connection.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        try connection.lockAdvisoryTransactionLock(key, timeoutMilliseconds: 1000)
    }

    /// Tries to take `key` on `connection` within `timeoutMilliseconds`; the error and the time waited.
    private func attempt(
        _ key: Int64,
        on connection: PostgresConnection,
        timeoutMilliseconds: Int
    ) -> (error: PostgresError?, seconds: Double) {
        let start = ContinuousClock.now
        var caught: PostgresError?
        do {
            try connection.inTransaction {
                try connection.lockAdvisoryTransactionLock(key, timeoutMilliseconds: timeoutMilliseconds)
                return .commit
            }
        } catch let error as PostgresError {
            caught = error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        let elapsed = ContinuousClock.now - start
        return (caught, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func secondHolderTimesOutAsLocked() throws {
        let key = PostgresTestServer.uniqueLockKey()
        let first = try PostgresTestServer.connect()
        let second = try PostgresTestServer.connect()
        try Self.hold(key, on: first)

        let (error, seconds) = attempt(key, on: second, timeoutMilliseconds: 300)
        #expect(error?.kind == .lockNotAvailable)
        #expect(error?.isLocked == true)
        #expect(error?.sqlState == "55P03")
        #expect(error?.message.contains("advisory lock \(key)") == true)
        #expect(seconds >= 0.29)
        #expect(seconds < 5)
        #expect(!second.isInsideTransaction)

        let (immediate, _) = attempt(key, on: second, timeoutMilliseconds: 0)
        #expect(immediate?.isLocked == true)

        // The lock is the transaction's: once the first commits, the second gets it at once.
        try first.execute("COMMIT")
        let (none, fast) = attempt(key, on: second, timeoutMilliseconds: 300)
        #expect(none == nil)
        #expect(fast < 0.29)
    }

    @Test func waiterGetsTheLockAsSoonAsItIsFreed() throws {
        let key = PostgresTestServer.uniqueLockKey()
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        // Another thread, with a connection of its own, holds the lock for 0.3 s.
        let holder = Thread {
            defer { done.signal() }
            guard let first = try? PostgresTestServer.connect(), (try? Self.hold(key, on: first)) != nil else {
                return
            }
            held.signal()
            Thread.sleep(forTimeInterval: 0.3)
            _ = try? first.execute("ROLLBACK")
        }
        let second = try PostgresTestServer.connect()
        holder.start()
        #expect(held.wait(timeout: .now() + 10) == .success)
        let (error, seconds) = attempt(key, on: second, timeoutMilliseconds: 10_000)
        #expect(error == nil)
        #expect(seconds >= 0.2)
        #expect(seconds < 5)
        done.wait()
    }

    @Test func deadHolderFreesTheLock() throws {
        let key = PostgresTestServer.uniqueLockKey()
        let first = try PostgresTestServer.connect()
        let second = try PostgresTestServer.connect()
        try Self.hold(key, on: first)
        #expect(attempt(key, on: second, timeoutMilliseconds: 100).error?.isLocked == true)

        // The process dies: its socket closes without a goodbye, as after SIGKILL.
        #expect(shutdown(first.socketDescriptor, Int32(SHUT_RDWR)) == 0)
        let (error, seconds) = attempt(key, on: second, timeoutMilliseconds: 5000)
        #expect(error == nil)
        #expect(seconds < 5)
        #expect(throws: PostgresError.self) { try first.execute("SELECT 1") }
        #expect(!first.isConnected)
    }

    @Test func terminatedHolderFreesTheLock() throws {
        let key = PostgresTestServer.uniqueLockKey()
        let first = try PostgresTestServer.connect()
        let second = try PostgresTestServer.connect()
        try Self.hold(key, on: first)
        #expect(!(try second.inTransactionReturning { try second.tryAdvisoryTransactionLock(key) }))
        try second.execute("SELECT pg_terminate_backend($1::int)", parameters: [Int(first.backendProcessID)])
        #expect(attempt(key, on: second, timeoutMilliseconds: 5000).error == nil)
        let error = #expect(throws: PostgresError.self) { try first.execute("COMMIT") }
        #expect(error?.isConnectionLost == true)
    }

    @Test func lockOutsideATransactionIsAMisuse() throws {
        let connection = try PostgresTestServer.connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.lockAdvisoryTransactionLock(1, timeoutMilliseconds: 10)
        }
        #expect(error?.kind == .misuse)
    }

    @Test func lockTimeoutIsRestoredOnceTheLockIsHeld() throws {
        let connection = try PostgresTestServer.connect()
        try connection.execute("SET lock_timeout = '7s'")
        try connection.inTransaction {
            try connection.lockAdvisoryTransactionLock(PostgresTestServer.uniqueLockKey(), timeoutMilliseconds: 250)
            #expect(try connection.scalarString("SHOW lock_timeout") == "7s")
            return .commit
        }
    }

    @Test func lockKeysAreStable() {
        #expect(
            PostgresConnection.advisoryLockKey("absher-import run")
                == PostgresConnection.advisoryLockKey("absher-import run"))
        #expect(PostgresConnection.advisoryLockKey("a") != PostgresConnection.advisoryLockKey("b"))
        // FNV-1a 64 of the empty string is its offset basis.
        #expect(PostgresConnection.advisoryLockKey("") == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction that rolls back, returning its value.
    fileprivate func inTransactionReturning<T>(_ body: () throws -> T) throws -> T {
        var value: T?
        try inTransaction {
            value = try body()
            return .rollback
        }
        return value!
    }
}
