/// Estimates how wide a line of text renders, without a font engine, so charts can reserve room for
/// their labels before placing them.
///
/// Latin widths are per character: for each printable ASCII character the larger advance of
/// DejaVu Sans (what `system-ui` falls back to on Linux) and Liberation Sans (metric twin of Arial),
/// so the estimate errs on the wide side for the fonts readers are likely to have. East Asian wide
/// and fullwidth characters (CJK ideographs, kana, hangul, fullwidth punctuation) count as one em.
public enum TextMeasure {
    /// Advance widths in thousandths of an em for U+0020 … U+007E, regular weight.
    private static let regular: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667, 611, 778,
        752, 295, 500, 667, 557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390,
        337, 390, 838, 556, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]
    /// Advance widths in thousandths of an em for U+0020 … U+007E, bold.
    private static let bold: [UInt16] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 762, 734, 830, 683, 683, 821,
        837, 372, 556, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
        365, 457, 838, 556, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// Height above the baseline that a line of text may reach, as a fraction of the font size
    /// (CJK ideographs reach higher than Latin capitals).
    public static let ascent = 0.9
    /// Depth below the baseline (descenders), as a fraction of the font size.
    public static let descent = 0.25
    /// Distance between baselines of wrapped lines, as a fraction of the font size.
    public static let lineHeight = 1.25

    /// Estimated width of `text` in user units at `fontSize`.
    public static func width(_ text: some StringProtocol, fontSize: Double, bold isBold: Bool = false) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            em += emWidth(of: scalar, bold: isBold)
        }
        return em * fontSize
    }

    /// Width of one character in ems.
    static func emWidth(of scalar: Unicode.Scalar, bold isBold: Bool) -> Double {
        let v = scalar.value
        if v >= 0x20 && v <= 0x7E {
            return Double((isBold ? bold : regular)[Int(v - 0x20)]) / 1000
        }
        if isWide(scalar) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        case .spaceSeparator: return 0.35
        default: break
        }
        switch v {
        case 0x2014, 0x2026: return 1          // em dash, ellipsis
        case 0x2013: return 0.56               // en dash
        case 0x2212: return 0.84               // minus sign (as wide as +)
        case 0x2018, 0x2019, 0x201C, 0x201D: return 0.46
        case 0x1F000...0x1FAFF: return 1.2     // pictographs and emoji
        default: return isBold ? 0.78 : 0.72   // other letters: as wide as a wide capital
        }
    }

    /// Whether `scalar` is East Asian Wide or Fullwidth (UAX #11), drawn one em wide.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1B000...0x1B2FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Characters a line must not start with (closing punctuation, CJK and Latin).
    private static let noLineStart: Set<Character> = ["，", "。", "、", "）", "」", "』", "】", "》", "：", "；", "！", "？", ",", ".", ")", ":", ";", "!", "?", "%", "％"]
    /// Characters a line must not end with (opening brackets).
    private static let noLineEnd: Set<Character> = ["（", "「", "『", "【", "《", "(", "“"]

    /// `text` broken into lines no wider than `maxWidth`, breaking at spaces, after hyphens and slashes,
    /// and between East Asian wide characters (never before closing or after opening punctuation).
    ///
    /// Returns `nil` when the text needs more than `maxLines` lines or a single word is wider than
    /// `maxWidth`.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int = 3) -> [String]? {
        let lines = greedyLines(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold)
        guard lines.count <= max(1, maxLines),
              lines.allSatisfy({ width($0, fontSize: fontSize, bold: bold) <= maxWidth + 0.01 }) else { return nil }
        return lines
    }

    /// Like `wrap`, but always returns at most `maxLines` lines: what does not fit is cut and the last
    /// line ends with `…`.
    public static func wrapTruncating(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int = 3) -> [String] {
        if let lines = wrap(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold, maxLines: maxLines) { return lines }
        var lines = greedyLines(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold)
        var truncated = lines.count > maxLines
        lines = Array(lines.prefix(max(1, maxLines)))
        for i in lines.indices where width(lines[i], fontSize: fontSize, bold: bold) > maxWidth {
            truncated = true
            lines[i] = truncate(lines[i], maxWidth: maxWidth, fontSize: fontSize, bold: bold)
        }
        if truncated, let last = lines.last, !last.hasSuffix("…") {
            lines[lines.count - 1] = truncate(last + "…", maxWidth: maxWidth, fontSize: fontSize, bold: bold)
        }
        return lines
    }

    /// `text` shortened from the end until it, with a trailing `…`, fits `maxWidth`.
    public static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        if width(text, fontSize: fontSize, bold: bold) <= maxWidth { return text }
        var chars = Array(text.hasSuffix("…") ? String(text.dropLast()) : text)
        while !chars.isEmpty {
            chars.removeLast()
            let candidate = String(chars).trimmingTrailingSpaces + "…"
            if width(candidate, fontSize: fontSize, bold: bold) <= maxWidth { return candidate }
        }
        return "…"
    }

    /// Greedy line breaking; lines may still be too wide when a single piece is.
    private static func greedyLines(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool) -> [String] {
        let pieces = breakablePieces(text)
        var lines: [String] = []
        var current = ""
        for piece in pieces {
            let candidate = current + piece
            if current.isEmpty || width(candidate.trimmingTrailingSpaces, fontSize: fontSize, bold: bold) <= maxWidth {
                current = candidate
            } else {
                lines.append(current.trimmingTrailingSpaces)
                current = piece.trimmingLeadingSpaces
            }
        }
        if !current.trimmingTrailingSpaces.isEmpty || lines.isEmpty { lines.append(current.trimmingTrailingSpaces) }
        return lines
    }

    /// The text cut where a line may break; each piece keeps its trailing space.
    static func breakablePieces(_ text: String) -> [String] {
        let chars = Array(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        var pieces: [String] = []
        var current = ""
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            guard i + 1 < chars.count else { break }
            let next = chars[i + 1]
            if noLineStart.contains(next) || noLineEnd.contains(ch) { continue }
            let wideHere = ch.unicodeScalars.first.map(isWide) ?? false
            let wideNext = next.unicodeScalars.first.map(isWide) ?? false
            if ch == " " || ((ch == "-" || ch == "/") && !next.isNumber) || wideHere || (wideNext && ch != " ") {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    var trimmingLeadingSpaces: String {
        String(drop(while: { $0 == " " }))
    }
}
