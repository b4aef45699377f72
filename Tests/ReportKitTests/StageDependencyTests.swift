import Foundation
import Testing

/// The stages of `Sources/ReportKit` (one folder each) may use only the stages below them, as
/// `docs/ARCHITECTURE.md` draws them: a stage never names a type declared in a stage it may not
/// use. ReportKit is one module, so the compiler cannot see a wrong-way arrow; this test reads
/// the sources instead: it collects the top-level types each folder declares, then fails on any
/// file naming a type of a folder its stage may not use (comments and string literals aside).
struct StageDependencyTests {
    /// What each stage may use besides itself (`Build` may use everything).
    static let allowed: [String: Set<String>] = [
        "Diagnostics": [],
        "Support": ["Diagnostics"],
        "Content": ["Publication", "Support", "Diagnostics"],
        "Markdown": ["Citations", "Content", "Support", "Diagnostics"],
        "Citations": ["Content", "Support", "Diagnostics"],
        "Data": ["Content", "Publication", "Support", "Diagnostics"],
        "Tables": ["Data", "Content", "Support", "Diagnostics"],
        "Charts": ["Support", "Diagnostics"],
        "Directives": ["Markdown", "Data", "Tables", "Charts", "Content", "Support", "Diagnostics"],
        "Theme": ["Content", "Support", "Diagnostics"],
        "Search": ["Support", "Diagnostics"],
        "Publication": ["Support", "Diagnostics"],
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/ReportKit")

    /// Each folder's Swift files with their text.
    static func folders() throws -> [String: [(name: String, text: String)]] {
        var folders: [String: [(String, String)]] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            let url = sources.appendingPathComponent(folder)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] where file.hasSuffix(".swift") {
                folders[folder, default: []].append((file, try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        return folders
    }

    /// Type names declared at the top level of `text` (not nested, not extensions).
    static func topLevelTypes(in text: String) -> Set<String> {
        var names = Set<String>()
        let pattern = #/^(?:public |internal |package |final |indirect )*(?:struct|enum|class|protocol|actor|typealias) ([A-Z][A-Za-z0-9_]*)/#
        for line in text.split(separator: "\n") {
            if let match = line.firstMatch(of: pattern) { names.insert(String(match.1)) }
        }
        return names
    }

    /// Type names declared anywhere in `text`, nested ones included.
    static func allTypes(in text: String) -> Set<String> {
        Set(text.matches(of: #/(?:struct|enum|class|protocol|actor|typealias) ([A-Z][A-Za-z0-9_]*)/#).map { String($0.1) })
    }

    /// Capitalised words of `text`, with comments and string literals removed.
    static func names(in text: String) -> Set<String> {
        var code = text.replacing(#/\/\/[^\n]*/#, with: "")
        code = code.replacing(#/"(?:[^"\\\n]|\\.)*"/#, with: "\"\"")
        // Simple word boundaries: Unicode's default ones join `DataCatalog.defaultMax` into one word.
        return Set(code.matches(of: #/\b[A-Z][A-Za-z0-9_]*\b/#.wordBoundaryKind(.simple)).map { String($0.0) })
    }

    @Test("no stage names a type of a stage it may not use")
    func stagesPointOneWay() throws {
        let folders = try Self.folders()
        var owner: [String: String] = [:]
        for (folder, files) in folders {
            for file in files { for name in Self.topLevelTypes(in: file.text) { owner[name] = folder } }
        }
        #expect(Set(folders.keys) == Set(Self.allowed.keys).union(["Build"]), "a new folder needs its row in `allowed` and in ARCHITECTURE.md")
        var wrongWay: [String] = []
        for (folder, files) in folders.sorted(by: { $0.key < $1.key }) {
            guard let allowed = Self.allowed[folder] else { continue }
            let ownNames = files.reduce(into: Set<String>()) { $0.formUnion(Self.allTypes(in: $1.text)) }
            for file in files {
                for name in Self.names(in: file.text).subtracting(ownNames).sorted() {
                    if let other = owner[name], other != folder, !allowed.contains(other) {
                        wrongWay.append("\(folder)/\(file.name) uses \(name) from \(other)")
                    }
                }
            }
        }
        #expect(wrongWay.isEmpty, "\(wrongWay.joined(separator: "\n"))")
    }

    @Test("the checker sees a wrong-way use")
    func checkerCatchesAWrongWayUse() {
        #expect(Self.names(in: "let page: RenderedPage // SiteBuilder\nlet s = \"Theme\"").contains("RenderedPage"))
        #expect(Self.names(in: "let n = DataCatalog.defaultMaxDataFileBytes").contains("DataCatalog"))
        #expect(!Self.names(in: "// SiteBuilder\nlet s = \"Theme\"").contains("SiteBuilder"))
        #expect(Self.topLevelTypes(in: "public struct A {\n    struct B {}\n}\nenum C {}") == ["A", "C"])
    }
}
