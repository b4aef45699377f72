import Foundation
import Testing
@testable import ReportKit

/// The registry of diagnostic codes (`Diagnostics/DiagnosticCode.swift`) and the README's table of
/// them: numbers unique and in their stage's range, every constant listed in `all`, and the README
/// table row for row the same as the registry.
struct DiagnosticCodeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `static let NAME = DiagnosticCode(NUMBER, ...)` written in the registry file, so that a
    /// constant left out of `all` is still seen.
    static func declaredNumbers() throws -> [String: Int] {
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Sources/ReportKit/Diagnostics/DiagnosticCode.swift"), encoding: .utf8)
        var numbers: [String: Int] = [:]
        for line in source.split(separator: "\n") {
            guard let match = line.firstMatch(of: /static let (\w+) = DiagnosticCode\((\d+),/) else { continue }
            numbers[String(match.1)] = Int(match.2)
        }
        return numbers
    }

    @Test("no two codes share a number, and every declared code is in `all`")
    func numbersAreUnique() throws {
        let declared = try Self.declaredNumbers()
        #expect(declared.count >= 60)
        let byNumber = Dictionary(grouping: declared.keys, by: { declared[$0]! }).filter { $0.value.count > 1 }
        #expect(byNumber.isEmpty, "codes sharing a number: \(byNumber)")
        #expect(DiagnosticCode.all.map(\.number) == declared.values.sorted(), "`all` must list every code once, in number order")
        #expect(Set(DiagnosticCode.all.map(\.name)).count == DiagnosticCode.all.count, "names must be unique")
    }

    @Test("numbers sit in a stage's range; names are kebab-case; summaries are one line")
    func codesAreWellFormed() {
        for code in DiagnosticCode.all {
            #expect((101...9999).contains(code.number) && code.number % 100 != 0, "\(code) is outside RG0101…RG9999")
            #expect(code.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(code) name '\(code.name)'")
            #expect(!code.summary.isEmpty && !code.summary.contains("\n") && !code.summary.contains("|"), "\(code) summary")
            #expect(code.description.wholeMatch(of: /RG\d{4}/) != nil)
        }
        #expect(DiagnosticCode.unknownColumn.description == "RG0201")
    }

    /// The README's table as the registry makes it.
    static var expectedTable: [String] {
        DiagnosticCode.all.map { "| \($0) | `\($0.name)` | \($0.summary) |" }
    }

    @Test("the README's table of codes is the registry, row for row")
    func readmeTableMatchesRegistry() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { $0.hasPrefix("| RG") }
        #expect(rows == Self.expectedTable, """
            README.md's table of diagnostic codes differs from DiagnosticCode.all; its rows should be:
            \(Self.expectedTable.joined(separator: "\n"))
            """)
    }
}
