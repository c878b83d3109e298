/// What a transaction or savepoint body asks for: keep its changes or undo them.
public enum TransactionCompletion: Sendable {
    case commit, rollback
}
