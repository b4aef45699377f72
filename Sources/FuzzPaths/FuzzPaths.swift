import Foundation
import FuzzSupport
import ReportKit

/// libFuzzer target for file names and paths, three ways at once:
/// - the input as an output marker (`OutputMarker.decode`), and as the JSON list of one (the
///   header put before it): every path either yields stays strictly inside the folder (checked
///   by resolving `.`/`..` the way the kernel does, not by `isSafe`);
/// - the input as a list of paths separated by NUL bytes: written to a marker and read back, it
///   gives the same list (sorted, each once) when every path is safe, and no list otherwise;
/// - the input as a file name and a message in a diagnostic: printed, it holds no control
///   character but the one line break before its hint.
func fuzzPaths(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzPathBytes(bytes)
    return 0
}

/// What the input gave, as a line a person can read.
@discardableResult
func fuzzPathBytes(_ bytes: [UInt8]) -> String {
    var report: [String] = []
    for (marker, name) in [(bytes, "marker"), (Array(OutputMarker.header.utf8) + bytes, "list")] {
        if let files = OutputMarker.decode(marker) {
            for file in files { precondition(staysInside(file), "the marker yielded a path leaving the folder: \(file.debugDescription)") }
            report.append("\(name) read: \(files.count) files")
        } else {
            report.append("no \(name)")
        }
    }

    let paths = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let readBack = OutputMarker.decode(Array(OutputMarker.encode(paths).utf8))
    if paths.allSatisfy(OutputMarker.isSafe) {
        precondition(readBack == Set(paths).sorted(), "the marker did not give back its list: \(paths.debugDescription)")
        report.append("\(paths.count) paths round-trip")
    } else {
        precondition(readBack == nil, "a marker listing an unsafe path was read back: \(paths.debugDescription)")
        report.append("paths refused")
    }

    let text = String(decoding: bytes, as: UTF8.self)
    let printed = Diagnostic.error(.unpublishableName, text, at: SourceLocation(file: text), hint: text).description
    let breaks = printed.unicodeScalars.filter { $0 == "\n" }.count
    precondition(breaks == 1, "a printed diagnostic with \(breaks) line breaks")
    precondition(!printed.unicodeScalars.contains { $0 != "\n" && isControl($0) }, "a control character printed: \(printed.debugDescription)")
    return report.joined(separator: "; ")
}

/// Whether `path`, appended to a folder's path and opened, names something strictly inside the
/// folder: what the system sees (up to a NUL) is relative, and resolving `.` and `..` never
/// climbs above the folder or ends at the folder itself.
func staysInside(_ path: String) -> Bool {
    let seen = path.prefix { $0 != "\0" }
    guard !seen.hasPrefix("/") else { return false }
    var depth = 0
    for component in seen.split(separator: "/", omittingEmptySubsequences: true) {
        switch component {
        case ".": continue
        case "..":
            depth -= 1
            if depth < 0 { return false }
        default: depth += 1
        }
    }
    return depth > 0
}

/// C0 and C1 control characters, DEL, the line and paragraph separators and the invisible
/// bidirectional-text controls: what a terminal acts on instead of showing.
func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}

#if FUZZING
/// The symbol libFuzzer looks for (only in the fuzzer build: the test bundle links every target).
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzPaths(data, size)
}
#endif

/// See `runFuzzTarget`: libFuzzer in the fuzzer build, replay of files given as arguments otherwise.
@main
enum FuzzPathsMain {
    static func main() {
        runFuzzTarget(fuzzPaths, replay: fuzzPathBytes)
    }
}
