/// Checks that bytes are UTF-8, and says where they are not.
enum UTF8Check {
    /// The text of `bytes` without a leading byte-order mark, or a diagnostic at the first invalid byte.
    /// `subject` names the file in the message, `hint` says how to fix it.
    static func decode(_ bytes: [UInt8], file: String, subject: String = "data file",
                       hint: String = "save the file as UTF-8 (for example, in a spreadsheet choose 'CSV UTF-8')") -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) {
            guard let found = body.withUnsafeBufferPointer({ Noncharacters.first(in: $0) }) else { return .success(text) }
            return .failure(.error(.noncharacter,
                "\(subject) contains \(found.scalar.codePoint), a Unicode noncharacter, which cannot be published",
                at: location(of: body.startIndex + found.offset, in: body, file: file),
                hint: "delete it: noncharacters are reserved for programs' internal use and are not valid in HTML"))
        }
        let offset = firstInvalidByte(in: body) ?? body.startIndex
        return .failure(.error(.notUTF8,
            "\(subject) is not valid UTF-8 (byte 0x\(String(format: "%02X", body[offset])))",
            at: location(of: offset, in: body, file: file),
            hint: hint))
    }

    /// The line and column (counted in Unicode scalars) of the byte at `offset`.
    static func location(of offset: Int, in body: ArraySlice<UInt8>, file: String) -> SourceLocation {
        let lineStart = body[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.startIndex
        let line = body[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = String(decoding: body[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The index of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
