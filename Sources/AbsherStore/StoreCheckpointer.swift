/// Folds a store's log into the store proper; may be used from any thread.
package protocol StoreCheckpointer: Sendable {
    func checkpoint()
}
