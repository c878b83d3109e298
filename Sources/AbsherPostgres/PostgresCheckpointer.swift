import AbsherStore
import Foundation
import PostgresClient

/// PostgreSQL checkpoints on its own: nothing to do after a commit.
package struct PostgresCheckpointer: StoreCheckpointer {
    package func checkpoint() {}
}
