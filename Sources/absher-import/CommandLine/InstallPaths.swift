/// The one set of paths of an installed absher-import: help examples, the man page, `contrib/` and the Debian
/// package (`Scripts/package-deb`) all use these, and `PackagingTests` checks that they agree.
enum InstallPaths {
    static let binary = "/usr/bin/absher-import"
    static let stateDirectory = "/var/lib/absher-import"
    static let store = "/var/lib/absher-import/absher.sqlite"
    static let reports = "/var/lib/absher-import/reports"
    static let incoming = "/srv/absher/incoming"

    static let files: [(path: String, meaning: String)] = [
        (binary, "The binary, with the Swift runtime linked in: it needs no Swift toolchain."),
        (stateDirectory, "The service's state (0700, owned by absher): the store and the reports."),
        (store, "The store (created 0600 by the first run; its WAL and SHM files beside it)."),
        (reports, "The report folders, one per run, and latest pointing at the newest."),
        (incoming, "Where the nightly exports are dropped (read only by the service)."),
        ("/usr/lib/absher-import/absher-import-nightly", "The nightly job: run, retrying exit 75 a few times."),
        ("/lib/systemd/system/absher-import.service", "The nightly oneshot service, as user absher."),
        ("/lib/systemd/system/absher-import.timer", "Starts the service at 02:30 every night."),
        ("/usr/share/doc/absher-import/examples/absher-import.cron", "The same job for cron, to copy to /etc/cron.d."),
    ]

    static let seeAlso: [(name: String, section: Int)] = [
        ("sqlite3", 1), ("jq", 1), ("crontab", 5), ("systemd.service", 5), ("systemd.timer", 5), ("sysexits.h", 3),
    ]
}
