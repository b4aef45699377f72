import Foundation

/// Splits a BibTeX name list (`author`, `editor`) into `PersonName`s.
///
/// Names are separated by `and` outside braces. Each name is read in one of BibTeX's three forms:
/// `First von Last`, `von Last, First` or `von Last, Jr, First`; the `von` part is the run of words
/// starting with a lowercase letter (`van der`, `de la`). A name wholly in braces
/// (`{People's Bank of China}`) is an organisation, printed as written. A name in CJK characters
/// without a comma (`吴贵鹃`) is a family name only, as Pandoc reads it; `吴, 贵鹃` splits it.
enum BibTeXNames {
    static func parse(_ field: String) -> [PersonName] {
        split(field, onWord: "and").compactMap(name)
    }

    /// One name.
    static func name(_ raw: String) -> PersonName? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if text == "others" { return PersonName(literal: "others") }
        if isWhollyBraced(text) { return PersonName(literal: LaTeXText.plain(text)) }
        let parts = splitCommas(text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let convert = { (words: ArraySlice<String>) -> String? in
            let joined = words.joined(separator: " ")
            return joined.isEmpty ? nil : LaTeXText.plain(joined)
        }
        if parts.count >= 2 {
            let (particle, family) = splitVon(words(parts[0])[...], keepLast: true)
            let given = parts.count == 2 ? parts[1] : parts[2]
            return PersonName(family: convert(family), given: given.isEmpty ? nil : LaTeXText.plain(given),
                              particle: convert(particle), suffix: parts.count >= 3 && !parts[1].isEmpty ? LaTeXText.plain(parts[1]) : nil)
        }
        let all = words(text)
        if all.count == 1 { return PersonName(family: LaTeXText.plain(all[0])) }
        // First von Last: von starts at the first lowercase word before the last word.
        let body = all.dropLast()
        guard let vonStart = body.firstIndex(where: startsLowercase) else {
            return PersonName(family: LaTeXText.plain(all.last!), given: convert(body))
        }
        let vonEnd = body.lastIndex(where: startsLowercase)!
        return PersonName(family: convert(all[(vonEnd + 1)...]), given: convert(all[..<vonStart]), particle: convert(all[vonStart...vonEnd]))
    }

    /// `von Last` split at the last lowercase word (the last word always stays in Last).
    static func splitVon(_ words: ArraySlice<String>, keepLast: Bool) -> (particle: ArraySlice<String>, family: ArraySlice<String>) {
        let candidates = words.dropLast()
        guard let end = candidates.lastIndex(where: startsLowercase), candidates.first.map(startsLowercase) == true else {
            return ([], words)
        }
        return (words[..<(end + 1)], words[(end + 1)...])
    }

    /// Whether a word's first letter outside braces is lowercase (`van`, `{\'e}mile` counts by its letter).
    static func startsLowercase(_ word: String) -> Bool {
        var depth = 0
        var afterBackslash = false
        for c in word {
            if c == "{" { depth += 1; continue }
            if c == "}" { depth -= 1; continue }
            if c == "\\" { afterBackslash = true; continue }
            if depth > 0 && !afterBackslash { return false } // `{Foo}`: protected, not a von word
            if c.isLetter {
                if afterBackslash && depth > 0 {
                    // `{\"u}ber`: skip the command name, look at the accented letter.
                    afterBackslash = false
                    continue
                }
                return c.isLowercase
            }
        }
        return false
    }

    static func isWhollyBraced(_ text: String) -> Bool {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return false }
        var depth = 0
        for (offset, c) in text.enumerated() {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth == 0 && offset != text.count - 1 { return false } }
        }
        return true
    }

    /// Words split by spaces outside braces.
    static func words(_ text: String) -> [String] {
        split(text, onWord: nil)
    }

    /// Splits at commas outside braces.
    static func splitCommas(_ text: String) -> [String] {
        var parts: [String] = [""]
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if c == "," && depth == 0 { parts.append("") } else { parts[parts.count - 1].append(c) }
        }
        return parts
    }

    /// Splits at whitespace outside braces; with `word`, only at that word (case-insensitive)
    /// between spaces, returning the text between them.
    static func split(_ text: String, onWord word: String?) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if depth == 0 && (c == " " || c == "\n" || c == "\t" || c == "\r") {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        guard let word else { return tokens }
        var parts: [String] = []
        var part: [String] = []
        for token in tokens {
            if token.lowercased() == word { parts.append(part.joined(separator: " ")); part = [] } else { part.append(token) }
        }
        parts.append(part.joined(separator: " "))
        return parts.filter { !$0.isEmpty }
    }
}
