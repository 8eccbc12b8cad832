import Testing
@testable import CongkhaiDomain

/// The share of fields read right on every recognition fixture. Run with
/// `swift test --filter RecognitionScoreTests` and read the printed lines.
@Suite struct RecognitionScoreTests {
    static let all = RecognitionFixture.headers + RecognitionFixture.footers + RecognitionFixture.bodies

    @Test func printShareOfFieldsReadRight() {
        let layout = RecognitionHarness.score(Self.all)
        let read = ProcedureFixtures.read(ProcedureFixtures.portalExport)
        let procedureMisses = ProcedureFixtures.expected.keys.sorted().filter { read[$0] != ProcedureFixtures.expected[$0] }
        let right = layout.right + ProcedureFixtures.expected.count - procedureMisses.count
        let total = layout.total + ProcedureFixtures.expected.count
        for miss in layout.misses { print("miss: \(miss)") }
        for key in procedureMisses {
            print("miss: portal-export.\(key): expected '\(ProcedureFixtures.expected[key]!)', read '\(read[key]!)'")
        }
        let procedureRight = ProcedureFixtures.expected.count - procedureMisses.count
        print("recognition score: layout \(layout.right)/\(layout.total), procedure \(procedureRight)/\(ProcedureFixtures.expected.count), "
              + "all \(right)/\(total) = \(String(Double(right * 1000 / total) / 10))%")
        #expect(total > 100)
        let heldOut = RecognitionHarness.score(RecognitionFixture.heldOut)
        for miss in heldOut.misses { print("held-out miss: \(miss)") }
        print("held-out score (fixtures never tuned for): \(heldOut.right)/\(heldOut.total)")
    }
}
