import AbsherImport
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

/// Contract §2, §6, §7 and STYLE habit 5: a password column never reaches any output, `--mask-pii` leaves no
/// full ID, mobile or e-mail in any report file, and files are 0600, folders 0700.
@Suite struct SecurityTests {
    static func validID(_ leading: Int, _ serial: Int) -> String {
        let payload = "\(leading)" + String(format: "%08d", serial)
        return payload + String(Luhn.checkDigit(for: Array(payload.utf8)))
    }

    /// Distinct secrets that cannot occur by chance in any output.
    static func secret(_ index: Int) -> String { "Zq7-hunter\(index)-Xw!" }

    /// Citizens (column `password`), residents (`كلمة المرور`) and sponsors (`User Password`), with a rejected
    /// row in each file and a secret that looks like a formula.
    static func writePasswordInputs(_ folder: TemporaryFolder) throws {
        try folder.write(
            "in/citizens.csv",
            "national_id,name_ar,birth_date,mobile,password\n"
                + "\(validID(1, 1)),محمد,1990-01-01,0500000001,\(secret(1))\n"
                + "\(validID(1, 2)),علي,1990-01-01,0500000002,\"=\(secret(2))\"\n"
                + "1234,خالد,1990-01-01,0500000003,\(secret(3))\n")
        try folder.write(
            "in/sponsors.csv",
            "sponsor_id,sponsor_type,name,User Password\n7000000001,establishment,Acme,\(secret(4))\n"
                + "123,establishment,Beta,\(secret(5))\n")
        try folder.write(
            "in/residents.csv",
            "iqama_number,name_en,nationality,birth_date,mobile,sponsor_id,كلمة المرور\n"
                + "\(validID(2, 1)),John Smith,GBR,1980-01-01,0500000011,7000000001,\(secret(6))\n"
                + "\(validID(2, 2)),Bad Date,GBR,1980-13-45,0500000012,7000000001,\(secret(7))\n")
    }

    @Test func passwordValuesNeverAppearInAnyOutputAndAWarningIsGiven() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writePasswordInputs(folder)
        let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
        var secrets = Set((1...7).map(Self.secret))
        secrets.formUnion(
            try PIIScan.values(inFile: sample + "/residents.csv") { $0.contains("password") }.filter { $0.count >= 9 })
        var console = ""
        for arguments in [
            ["run", "in"], ["run", "in", "--dry-run"], ["validate", "in"], ["run", sample], ["validate", sample],
        ] {
            let store = arguments[0] == "run" ? ["--store", "store.sqlite", "--max-deactivate-rate", "1"] : []
            let run = try BinaryRun.run(
                arguments + store + ["--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "1"],
                in: folder.url)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            console += run.stdout + run.stderr
            let rejects = try String(contentsOfFile: folder.path + "/out/latest/rejects.csv", encoding: .utf8)
            #expect(rejects.contains("header.sensitive-column"))
        }
        let lookup = try BinaryRun.run(["lookup", Self.validID(1, 1), "--store", "store.sqlite"], in: folder.url)
        let export = try BinaryRun.run(["export", "--store", "store.sqlite", "--out", "export"], in: folder.url)
        #expect(export.status == 0)
        console += lookup.stdout + lookup.stderr + export.stdout + export.stderr
        for secret in secrets { #expect(!console.contains(secret), "console shows \(secret)") }
        // Reports (rejected/ copies included), the store with its WAL, the export: `strings` sees no secret.
        let leaks = PIIScan.findings(of: secrets, under: folder.path).filter { !$0.hasPrefix("in/") }
        #expect(leaks.isEmpty, "\(leaks)")
        let rejectedCopy = try String(
            contentsOfFile: folder.path + "/out/latest/rejected/residents.csv", encoding: .utf8)
        #expect(!rejectedCopy.lowercased().contains("password"))
    }

    /// Every ID, mobile (raw, `+9665…`, `9665…`, `05…`) and e-mail of the inputs, from their ID, mobile and e-mail
    /// columns and the sponsor column of residents.
    static func personalData(in folders: [String]) throws -> Set<String> {
        var needles = Set<String>()
        for folder in folders {
            for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
                let path = folder + "/" + name
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let ids = try PIIScan.values(inFile: path) { header in
                    let key = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
                        .replacingOccurrences(of: "-", with: "_")
                    return ["national_id", "iqama_number", "sponsor_id", "رقم_الهوية", "رقم_الكفيل", "رقم_الإقامة"]
                        .contains(key)
                }
                for id in ids {
                    let trimmed = id.trimmingCharacters(in: .whitespaces)
                    if trimmed.count >= 8 { needles.insert(trimmed) }
                    let digits = PIIScan.digits(id)
                    if digits.count == 10 { needles.insert(digits) }
                }
                for mobile in try PIIScan.values(
                    inFile: path, columns: { $0.contains("mobile") || $0.contains("جوال") })
                {
                    needles.formUnion(PIIScan.mobileForms(mobile))
                }
                // Every e-mail cell, valid or not (`noura.gmail.com` too): masked by its column (contract §6.10).
                for email in try PIIScan.values(inFile: path, columns: { $0.contains("mail") || $0.contains("البريد") })
                where email.trimmingCharacters(in: .whitespaces).count >= 7 {
                    let trimmed = email.trimmingCharacters(in: .whitespaces)
                    needles.insert(trimmed)
                    needles.insert(trimmed.lowercased())
                }
            }
        }
        return needles
    }

    @Test func maskPIILeavesNoFullIDMobileOrEmailInAnyReportFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, extra) in [("n1", [String]()), ("n2", ["--night", "2", "--change-rate", "0.2"])] {
            let process = try KillSafetyTests.spawn(
                KillSafetyTests.datagen, ["--out", folder.path + "/" + name, "--rows", "600", "--seed", "9"] + extra)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
        for input in [sample, "n1", "n2"] {
            for command in ["validate", "run"] {
                let store = command == "run" ? ["--store", "store.sqlite", "--max-deactivate-rate", "1"] : []
                let run = try BinaryRun.run(
                    [
                        command, input, "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "1",
                        "--mask-pii",
                        "--quiet",
                    ] + store,
                    in: folder.url)
                #expect(run.status == 0, "\(command) \(input): \(run.stderr)")
            }
        }
        let needles = try Self.personalData(in: [sample, folder.path + "/n1", folder.path + "/n2"])
        #expect(needles.count > 1000)
        let leaks = PIIScan.findings(of: needles, under: folder.path + "/out")
        let copies = leaks.filter { $0.contains("/rejected/") }
        let elsewhere = leaks.filter { !$0.contains("/rejected/") }
        #expect(elsewhere.isEmpty, "\(elsewhere.count) leaks, first: \(elsewhere.prefix(10))")
        #expect(copies.isEmpty, "\(copies.count) leaks in rejected/, first: \(copies.prefix(5))")
    }

    @Test func storeAndReportFilesAre0600AndFolders0700() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writePasswordInputs(folder)
        let run = try BinaryRun.run(
            [
                "run", "in", "--store", "store.sqlite", "--reports", "out", "--now", "2026-11-25", "--max-reject-rate",
                "1",
            ],
            in: folder.url, shell: "umask 000")
        #expect(run.status == 0, "\(run.stderr)")
        let export = try BinaryRun.run(
            ["export", "--store", "store.sqlite", "--out", "export"], in: folder.url, shell: "umask 000")
        #expect(export.status == 0)
        var checked = 0
        for top in ["store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "out", "export"] {
            let root = folder.path + "/" + top
            guard FileManager.default.fileExists(atPath: root) else { continue }
            var paths = [root]
            if let walker = FileManager.default.enumerator(atPath: root) {
                for case let relative as String in walker { paths.append(root + "/" + relative) }
            }
            for path in paths {
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                let type = attributes[.type] as? FileAttributeType
                let mode = (attributes[.posixPermissions] as? Int ?? 0) & 0o777
                if type == .typeSymbolicLink { continue }
                let expected = type == .typeDirectory ? 0o700 : 0o600
                #expect(mode == expected, "\(path): \(String(mode, radix: 8))")
                checked += 1
            }
        }
        #expect(checked >= 8)
    }
}
