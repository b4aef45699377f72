/// cmark-gfm's smart punctuation for plain text that is not Markdown (captions, sources and notes
/// written in YAML), so that a figure's caption reads like the paragraphs around it: `--` and `---`
/// become en and em dashes, `...` an ellipsis, straight quotes curly ones (opening after a space or
/// an opening bracket, closing elsewhere; `'` after a letter is an apostrophe).
enum SmartPunctuation {
    static func apply(_ text: String) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "'" || $0 == "-" || $0 == "." }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        var index = 0
        var previous: Character?
        while index < characters.count {
            let character = characters[index]
            let written: String
            var length = 1
            switch character {
            case "-" where index + 2 < characters.count && characters[index + 1] == "-" && characters[index + 2] == "-":
                written = "\u{2014}"; length = 3
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                written = "\u{2013}"; length = 2
            case "." where index + 2 < characters.count && characters[index + 1] == "." && characters[index + 2] == ".":
                written = "\u{2026}"; length = 3
            case "\"": written = opens(after: previous) ? "\u{201C}" : "\u{201D}"
            case "'": written = previous.map { $0.isLetter || $0.isNumber } == true || !opens(after: previous) ? "\u{2019}" : "\u{2018}"
            default: written = String(character)
            }
            out += written
            previous = written.last
            index += length
        }
        return out
    }

    /// Whether a quote after `previous` opens a quotation.
    static func opens(after previous: Character?) -> Bool {
        guard let previous else { return true }
        return previous.isWhitespace || "([{\u{201C}\u{2018}\u{2014}\u{2013}/".contains(previous)
    }
}
