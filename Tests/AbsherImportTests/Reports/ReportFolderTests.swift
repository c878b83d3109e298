import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ReportFolderTests {
    private func writeFile(_ path: String, _ text: String) throws {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.close()
    }

    private func linkTarget(_ path: String) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    @Test func createsAHiddenPartialFolderAndAMissingParentWithMode0700() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("out/Reports")
        let folder = try ReportFolder(parent: parent, runID: "20260101-020000")
        #expect(folder.workingPath == parent + "/.20260101-020000.partial")
        #expect(folder.finalPath == parent + "/20260101-020000")
        #expect(ReportsScratchFolder.permissions(of: scratch.file("out")) == 0o700)
        #expect(ReportsScratchFolder.permissions(of: parent) == 0o700)
        #expect(ReportsScratchFolder.permissions(of: folder.workingPath) == 0o700)
        try folder.makeSubfolder("rejected")
        #expect(ReportsScratchFolder.permissions(of: folder.path(for: "rejected")) == 0o700)
        #expect(try ReportsScratchFolder.entries(of: parent) == [".20260101-020000.partial"])
        folder.discard()
    }

    @Test func publishRenamesTheFolderAndPointsLatestAtTheNewestRun() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("Reports")
        for runID in ["run-1", "run-2"] {
            let folder = try ReportFolder(parent: parent, runID: runID)
            try folder.makeSubfolder("rejected")
            try writeFile(folder.path(for: "summary.json"), "{\"run\": \"\(runID)\"}")
            try writeFile(folder.path(for: "rejected/citizens.csv"), "national_id\r\n")
            try folder.publish()
            folder.discard()  // after publish: does nothing
        }
        #expect(try ReportsScratchFolder.entries(of: parent) == ["latest", "run-1", "run-2"])
        #expect(try linkTarget(parent + "/latest") == "run-2")
        #expect(
            try ReportsScratchFolder.bytes(of: parent + "/latest/summary.json") == Array("{\"run\": \"run-2\"}".utf8))
        #expect(
            try ReportsScratchFolder.bytes(of: parent + "/run-1/rejected/citizens.csv") == Array("national_id\r\n".utf8)
        )
        #expect(ReportsScratchFolder.permissions(of: parent + "/run-1/summary.json") == 0o600)
        #expect(ReportsScratchFolder.permissions(of: parent + "/run-2") == 0o700)
    }

    @Test func discardLeavesNothingBehind() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("Reports")
        let folder = try ReportFolder(parent: parent, runID: "aborted")
        try folder.makeSubfolder("rejected")
        try writeFile(folder.path(for: "rejected/residents.csv"), "iqama_number\r\n")
        folder.discard()
        #expect(try ReportsScratchFolder.entries(of: parent) == [])
    }

    @Test func droppingAnUnpublishedFolderDiscardsIt() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("Reports")
        do {
            let folder = try ReportFolder(parent: parent, runID: "dropped")
            try writeFile(folder.path(for: "report.html"), "<html>")
        }
        #expect(try ReportsScratchFolder.entries(of: parent) == [])
    }

    @Test func refusesASymlinkedParent() throws {
        let scratch = try ReportsScratchFolder()
        let elsewhere = scratch.file("elsewhere")
        #expect(mkdir(elsewhere, 0o700) == 0)
        let parent = scratch.file("Reports")
        #expect(symlink(elsewhere, parent) == 0)
        #expect(throws: FileSystemError.cannotCreate(path: parent, errno: ELOOP)) {
            try ReportFolder(parent: parent, runID: "run-1")
        }
        #expect(throws: FileSystemError.cannotCreate(path: parent, errno: ELOOP)) {
            try ReportFolder(parent: parent + "/", runID: "run-1")
        }
        #expect(try ReportsScratchFolder.entries(of: elsewhere) == [])
    }

    @Test func refusesAParentThatIsAFile() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("Reports")
        try writeFile(parent, "")
        #expect(throws: FileSystemError.cannotCreate(path: parent, errno: ENOTDIR)) {
            try ReportFolder(parent: parent, runID: "run-1")
        }
    }

    @Test func refusesARunFolderThatExists() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.file("Reports")
        try ReportFolder(parent: parent, runID: "run-1").publish()
        #expect(throws: FileSystemError.cannotCreate(path: parent + "/run-1", errno: EEXIST)) {
            try ReportFolder(parent: parent, runID: "run-1")
        }
        #expect(try ReportsScratchFolder.entries(of: parent) == ["latest", "run-1"])
    }

    @Test(arguments: ["", ".hidden", "a/b", "../up", "latest"])
    func refusesRunIDsThatAreNotPlainNames(runID: String) throws {
        let scratch = try ReportsScratchFolder()
        #expect(throws: FileSystemError.self) { try ReportFolder(parent: scratch.path, runID: runID) }
        #expect(try ReportsScratchFolder.entries(of: scratch.path) == [])
    }

    @Test func refusesSubfoldersOutsideTheWorkingFolder() throws {
        let scratch = try ReportsScratchFolder()
        let folder = try ReportFolder(parent: scratch.path, runID: "run-1")
        #expect(throws: FileSystemError.self) { try folder.makeSubfolder("../escape") }
        #expect(throws: FileSystemError.self) { try folder.makeSubfolder("") }
        try folder.makeSubfolder("a/b")
        #expect(ReportsScratchFolder.permissions(of: folder.path(for: "a/b")) == 0o700)
    }

    @Test func removesFoldersOfKilledRunsButNotOfLiveOnes() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.path
        let killed = parent + "/.killed-run.partial"
        #expect(mkdir(killed, 0o700) == 0)
        #expect(mkdir(killed + "/rejected", 0o700) == 0)
        try writeFile(killed + "/rejected/citizens.csv", "x")
        try writeFile(parent + "/.notes.partial", "a file, not a run folder")

        let live = try ReportFolder(parent: parent, runID: "live")
        #expect(FileManager.default.fileExists(atPath: killed) == false)
        let second = try ReportFolder(parent: parent, runID: "second")
        #expect(FileManager.default.fileExists(atPath: live.workingPath))
        #expect(try ReportsScratchFolder.entries(of: parent) == [".live.partial", ".notes.partial", ".second.partial"])
        try second.publish()
        try live.publish()
        #expect(try linkTarget(parent + "/latest") == "live")
    }

    @Test func replacesAStaleLatestLinkButRefusesToReplaceARealFolder() throws {
        let scratch = try ReportsScratchFolder()
        let parent = scratch.path
        #expect(symlink("/nonexistent", parent + "/latest") == 0)
        try ReportFolder(parent: parent, runID: "run-1").publish()
        #expect(try linkTarget(parent + "/latest") == "run-1")

        #expect(unlink(parent + "/latest") == 0)
        #expect(mkdir(parent + "/latest", 0o700) == 0)
        try writeFile(parent + "/latest/keep", "x")
        // Refused before anything is written (issue 16: before a run's commit), not at publish.
        #expect(throws: FileSystemError.self) { try ReportFolder(parent: parent, runID: "run-2") }
        #expect(!FileManager.default.fileExists(atPath: parent + "/run-2"))
        #expect(!FileManager.default.fileExists(atPath: parent + "/.run-2.partial"))
        #expect(FileManager.default.fileExists(atPath: parent + "/latest/keep"))
    }
}
