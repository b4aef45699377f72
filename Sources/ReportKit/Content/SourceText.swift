import Foundation

/// Reading user files as text, with errors users can act on.
public enum SourceText {
    /// The file's contents as UTF-8 (a leading byte-order mark is dropped). Not UTF-8 → an error
    /// naming the line of the first bad byte.
    public static func read(_ url: URL, displayPath: String) throws(DiagnosticList) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticList(.error("cannot read '\(displayPath)'", at: SourceLocation(file: displayPath, line: 1),
                                        hint: "check that the file exists and is readable"))
        }
        return try decode(data, displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ data: Data, displayPath: String) throws(DiagnosticList) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return containsTokenCharacters(bytes) ? text.replacingOccurrences(of: "\u{E000}", with: "").replacingOccurrences(of: "\u{E001}", with: "") : text
        }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        throw DiagnosticList(.error("'\(displayPath)' is not valid UTF-8 (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)))",
                                    at: SourceLocation(file: displayPath, line: line, column: column),
                                    hint: "save the file as UTF-8 (most editors: 'Save with encoding')"))
    }

    /// Whether the bytes hold U+E000 or U+E001 (UTF-8 `EE 80 80`/`EE 80 81`), which the pipeline
    /// reserves for its own placeholders and so removes from input.
    static func containsTokenCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEE && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81) { return true }
            index += 1
        }
        return false
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }
}
