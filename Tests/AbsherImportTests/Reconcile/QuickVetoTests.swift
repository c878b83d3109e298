import Testing

@testable import AbsherReconcile
@testable import AbsherRules

/// The matcher's shortcuts (contract §4b) decide as the full computations do: `JaroWinkler.similarity` with a
/// threshold gives up only on pairs below it, and `QuickVeto.agrees` judges a part as `PartStates` would.
struct QuickVetoTests {
    /// Name parts as the matcher compares them: real names normalised in both scripts, and each with a slip,
    /// a swap, a dropped and a doubled letter, so that every range of similarity comes up.
    private static let parts: [[UInt8]] = {
        let english = [
            "mohammed", "muhammad", "mohamed", "ahmed", "abdulrahman", "abdulrhaman", "khalid", "khaild", "sultan",
            "saad", "saud", "fahad", "fahd", "alqahtani", "qahtani", "alotaibi", "otaibi", "noura", "nora", "sara",
            "thamer", "tamer", "alsudairi", "sudairi", "jose", "josef", "tesfaye", "tesfay", "priya", "ali", "a",
        ]
        let arabic = [
            "محمد", "أحمد", "عبدالرحمن", "خالد", "سلطان", "سعد", "فهد", "القحطاني", "العتيبي", "نورة", "سارة",
        ]
        var parts = english.map { MatchName.english($0) } + arabic.map { MatchName.arabic($0) }
        for part in parts where part.count > 2 {
            var slipped = part
            slipped[part.count / 2] = slipped[part.count / 2] == 0x61 ? 0x65 : 0x61
            var swapped = part
            swapped.swapAt(1, 2)
            var dropped = part
            dropped.remove(at: part.count - 2)
            var doubled = part
            doubled.insert(part[1], at: 1)
            parts += [slipped, swapped, dropped, doubled]
        }
        return parts
    }()

    @Test func aThresholdGivesUpOnlyOnWhatIsBelowIt() {
        var given = 0
        for x in Self.parts {
            for y in Self.parts {
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in
                        let full = JaroWinkler.similarity(x, y)
                        for threshold in [0.5, 0.7, PartStates.closeSimilarity, 0.95] {
                            let cut = JaroWinkler.similarity(x, y, atLeast: threshold)
                            #expect(cut == (full >= threshold ? full : nil))
                            if cut == nil { given += 1 }
                        }
                    }
                }
            }
        }
        // Not a vacuous check: many pairs fall below the thresholds.
        #expect(given > Self.parts.count * Self.parts.count)
    }

    @Test func aPartAgreesAsThePartStatesJudgeIt() {
        var agreeing = 0
        for x in Self.parts {
            for y in Self.parts {
                let similarity = JaroWinkler.similarity(ArraySlice(x), ArraySlice(y))
                let expected =
                    x == y || similarity >= PartStates.closeSimilarity
                    || (similarity >= 0.7 && NameSkeleton.key(x) == NameSkeleton.key(y))
                let agrees = x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in QuickVeto.agrees(x, y) }
                }
                #expect(agrees == expected)
                if agrees { agreeing += 1 }
            }
        }
        #expect(agreeing > Self.parts.count && agreeing < Self.parts.count * Self.parts.count / 2)
    }
}
