import AbsherReading
import AbsherSchema
import Foundation

/// Settings of the field rules that an operator may change.
public struct ValidationOptions: Sendable {
    /// The run date: birth dates after it are in the future, expiries before it have passed.
    public var runDate: GregorianDate
    public var usernameMinLength: Int
    public var usernameMaxLength: Int

    /// `--username-min` and `--username-max` when not given (contract §3.5).
    public static let defaultUsernameMinLength = 6
    public static let defaultUsernameMaxLength = 20

    public init(
        runDate: GregorianDate, usernameMinLength: Int = defaultUsernameMinLength,
        usernameMaxLength: Int = defaultUsernameMaxLength
    ) {
        self.runDate = runDate
        self.usernameMinLength = usernameMinLength
        self.usernameMaxLength = usernameMaxLength
    }
}
