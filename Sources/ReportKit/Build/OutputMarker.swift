import Foundation

/// The marker file `.reportgen-output`: it says that a folder was written by reportgen (a folder
/// without it is never replaced) and lists the folder's files, so that the next build, reusing
/// the folder, knows which files to remove.
///
/// The list is a JSON array of strings after a one-line header, one entry a line:
///
///     This folder is written by reportgen; the next build replaces it whole. Its files, as JSON:
///     ["assets/style.css",
///     "index.html"]
///
/// A JSON string holds any file name (a line break in a name is `\n` inside quotes, never a new
/// entry), and a marker is read back only when every entry is a plain relative path that stays
/// inside the folder (`isSafe`): a marker written by an older version, edited by hand or damaged
/// gives no list at all, and the build then starts from an empty folder.
public enum OutputMarker {
    public static let name = ".reportgen-output"
    public static let header = "This folder is written by reportgen; the next build replaces it whole. Its files, as JSON:\n"

    /// The marker's text for these files (sorted, each once).
    public static func encode(_ files: some Sequence<String>) -> String {
        // Written into one string, sorted then each kept once: a site of 100,000 pages lists
        // 300,000 files, and this runs on one thread at the end of every build.
        var sorted = Array(files)
        sorted.sort()
        var text = header + "["
        text.reserveCapacity(text.utf8.count + sorted.reduce(0) { $0 + $1.utf8.count + 4 } + 2)
        var previous: String?
        for file in sorted where file != previous {
            if previous != nil { text += ",\n" }
            if String.needsJSONEscaping(file.utf8) {
                text += file.jsonStringLiteral
            } else {
                text += "\""
                text += file
                text += "\""
            }
            previous = file
        }
        return text + "]\n"
    }

    /// The files a marker lists, in its order; `nil` when the bytes are not a marker, or when any
    /// entry is not a safe relative path (`isSafe`).
    public static func decode(_ bytes: [UInt8]) -> [String]? {
        let headerBytes = Array(header.utf8)
        guard bytes.count >= headerBytes.count, bytes[..<headerBytes.count].elementsEqual(headerBytes),
              let files = try? JSONDecoder().decode([String].self, from: Data(bytes[headerBytes.count...])),
              files.allSatisfy(isSafe) else { return nil }
        return files
    }

    /// Whether `path` names a file strictly inside a folder when appended to the folder's path:
    /// relative (no leading `/`), made of names (none empty, `.` or `..`), without control
    /// characters (which no published name holds) and shorter than the longest path Linux opens.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count < 4096 else { return false }
        var componentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: "/") {
                // An empty component (leading `/`, `//`), `.` or `..` ends here.
                if componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(componentLength == dots && dots <= 2)
    }
}
