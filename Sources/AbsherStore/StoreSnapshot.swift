/// A read-only view of a store's last commit, confined to the thread that opened it.
package protocol StoreSnapshot: StoredRecords {
    func close()
}
