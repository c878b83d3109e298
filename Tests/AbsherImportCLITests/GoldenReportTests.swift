import Foundation
import Testing

/// Contract §6.11, issue 4: with `--now` a run's reports are byte-identical from run to run apart from the run id and
/// timings. The expected report folder of `run SampleData` is committed under Tests/Golden/SampleData/; these
/// tests regenerate it and compare byte for byte after normalising those values. `UPDATE_GOLDEN=1` rewrites it.
@Suite struct GoldenReportTests {
    static let variants: [GoldenReport] = [
        GoldenReport(variant: "en", options: [], files: nil),
        GoldenReport(variant: "ar", options: ["--report-language", "ar"], files: ["report.html"]),
        GoldenReport(variant: "mask-pii", options: ["--mask-pii"], files: nil),
        GoldenReport(
            variant: "ar-mask-pii", options: ["--report-language", "ar", "--mask-pii"], files: ["report.html"]),
    ]

    @Test(arguments: variants.map(\.variant))
    func reportFilesOfSampleDataEqualTheCommittedOnes(variant: String) throws {
        let golden = try #require(Self.variants.first { $0.variant == variant })
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let (status, fresh) = try golden.generate(in: scratch)
        #expect(status == 0)
        #expect(fresh.count >= (golden.files?.count ?? 7), "report files: \(fresh.keys.sorted())")
        if GoldenReport.updating {
            try golden.write(fresh)
            return
        }
        let committed = try golden.committed()
        #expect(
            fresh.keys.sorted() == committed.keys.sorted(),
            "run UPDATE_GOLDEN=1 swift test --filter GoldenReportTests and review the diff")
        for (name, bytes) in fresh.sorted(by: { $0.key < $1.key }) {
            guard let expected = committed[name] else { continue }
            let difference = Self.firstDifference(bytes, expected)
            #expect(bytes == expected, "\(variant)/\(name) differs from Tests/Golden/SampleData/: \(difference)")
        }
    }

    @Test func twoRunsGiveIdenticalReportsOnceNormalised() throws {
        let golden = GoldenReport(variant: "en", options: [], files: nil)
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        defer {
            first.remove()
            second.remove()
        }
        let one = try golden.generate(in: first).files
        let two = try golden.generate(in: second).files
        #expect(one.keys.sorted() == two.keys.sorted())
        for (name, bytes) in one.sorted(by: { $0.key < $1.key }) {
            #expect(bytes == two[name], "\(name): \(Self.firstDifference(bytes, two[name] ?? Data()))")
        }
    }

    @Test func normalisingReplacesOnlyTheRunIdTimesAndDuration() {
        let html =
            "<title>Import report 20261125T030012Z-2</title><dd>2026-11-25 03:00:12 UTC</dd>"
            + "<dd>12.5 s</dd><dd>0.1 ثانية</dd><dd>2026-11-25</dd>"
        let json =
            "\"run_id\": \"20261125T030012Z\",\n\"started_at\": \"2026-11-25T03:00:12.345Z\",\n"
            + "\"run_date\": \"2026-11-25\",\n\"duration_seconds\": 1.25"
        #expect(
            String(decoding: GoldenReport.normalised(Data(html.utf8), name: "report.html"), as: UTF8.self)
                == "<title>Import report RUN-ID</title><dd>TIMESTAMP</dd>"
                + "<dd>DURATION</dd><dd>DURATION</dd><dd>2026-11-25</dd>")
        #expect(
            String(decoding: GoldenReport.normalised(Data(json.utf8), name: "summary.json"), as: UTF8.self)
                == "\"run_id\": \"RUN-ID\",\n\"started_at\": \"TIMESTAMP\",\n"
                + "\"run_date\": \"2026-11-25\",\n\"duration_seconds\": 0")
        #expect(GoldenReport.normalised(Data(html.utf8), name: "rejects.csv") == Data(html.utf8))
    }

    /// Where two files first differ: the line number and both lines.
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let left = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end of file>"
            let b = index < right.count ? String(right[index]) : "<end of file>"
            if a != b { return "line \(index + 1):\n  got      \(a.prefix(300))\n  expected \(b.prefix(300))" }
        }
        return "same lines, different bytes"
    }
}
