/// Opens read-only views of a store's last commit; may be used from any thread.
package protocol StoreSnapshotSource: Sendable {
    func open() throws -> any StoreSnapshot
}
