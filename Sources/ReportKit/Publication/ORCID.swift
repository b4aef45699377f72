/// ORCID iDs: sixteen characters in four groups (`0000-0002-1825-0097`), the last a check
/// character computed with ISO 7064 MOD 11-2 over the other fifteen digits (`X` stands for 10).
public enum ORCID {
    /// The bare iD from `text` (bare, or as an `https://orcid.org/` URL); `nil` when it is not
    /// shaped like an iD. `checksumIsValid` then tells a typo from a real iD.
    public static func bare(_ text: String) -> String? {
        var id = Substring(text)
        for prefix in ["https://orcid.org/", "http://orcid.org/", "orcid.org/"] where id.hasPrefix(prefix) {
            id = id.dropFirst(prefix.count)
        }
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == 4, groups.allSatisfy({ $0.count == 4 }) else { return nil }
        let characters = groups.joined()
        guard characters.dropLast().allSatisfy(\.isASCIIDigit),
              let last = characters.last, last.isASCIIDigit || last == "X" else { return nil }
        return String(id)
    }

    /// Whether the last character of a bare iD is the check character of the others.
    public static func checksumIsValid(_ bare: String) -> Bool {
        let characters = Array(bare.filter { $0 != "-" })
        guard characters.count == 16 else { return false }
        return checkCharacter(String(characters.dropLast())) == characters.last
    }

    /// The check character for fifteen digits (ISO 7064 MOD 11-2).
    static func checkCharacter(_ digits: String) -> Character? {
        var total = 0
        for character in digits {
            guard let digit = character.wholeNumberValue else { return nil }
            total = (total + digit) * 2
        }
        let result = (12 - total % 11) % 11
        return result == 10 ? "X" : Character(String(result))
    }
}
