/// A read-only view of a store's last commit, confined to the thread that opened it.
package protocol StoreSnapshot: StoredRecords {
    /// What the rules across rows ask of the store, answered from this view (the store as it was before the
    /// run): for the matcher beside a later night's merge (`Reconciler.reconcile`'s `storeBeside`).
    var knowledge: any StoreKnowledge { get }
    func close()
}
