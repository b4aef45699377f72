import Foundation

/// A number format written as a d3-format specifier, `[[fill]align][sign][symbol][0][width][,][.precision][~][type]`
/// (`$,.1f`, `.1%`, `,.0f`, `$.3s` → `$27.4T`), printing what d3-format prints, with three
/// deliberate differences: digits are rounded from the number's decimal text, half away from zero
/// (`.2f` of 1.005 is `1.01`; JavaScript gives `1.00` from the binary value); the SI prefix for
/// 10⁹ is `B` (billion), as readers expect, not `G`; `$` takes the data's currency (ISO code in
/// `NAME.yml`), `$` itself when none is given. The minus sign is U+2212, as in d3.
public struct D3Format: Sendable, Hashable {
    public var fill: Character = " "
    /// `>` right (default), `<` left, `^` centre, `=` padding between sign and digits.
    public var align: Character = ">"
    /// `-` (default), `+`, `(` or a space.
    public var sign: Character = "-"
    /// `$` (currency) or `#` (0b/0o/0x prefixes), if written.
    public var symbol: Character?
    public var zero = false
    public var width: Int?
    public var comma = false
    public var precision: Int?
    public var trim = false
    /// One of `e f g r s % p b o d x X c n`, or `nil` (none: `~g` with 12 digits).
    public var type: Character?

    static let types: Set<Character> = ["e", "f", "g", "r", "s", "%", "p", "b", "o", "d", "x", "X", "c", "n"]

    /// Parses a specifier; `nil` when it is not one.
    public init?(_ specifier: String) {
        var rest = Substring(specifier)
        let chars = Array(rest)
        if chars.count >= 2, "<>=^".contains(chars[1]) {
            fill = chars[0]
            align = chars[1]
            rest = rest.dropFirst(2)
        } else if let first = chars.first, "<>=^".contains(first) {
            align = first
            rest = rest.dropFirst()
        }
        if let c = rest.first, "+-( ".contains(c) { sign = c; rest = rest.dropFirst() }
        if let c = rest.first, c == "$" || c == "#" { symbol = c; rest = rest.dropFirst() }
        if rest.first == "0" { zero = true; rest = rest.dropFirst() }
        let widthDigits = rest.prefix(while: \.isASCIIDigit)
        if !widthDigits.isEmpty {
            guard let number = Int(widthDigits), number <= 200 else { return nil }
            width = number
            rest = rest.dropFirst(widthDigits.count)
        }
        if rest.first == "," { comma = true; rest = rest.dropFirst() }
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, let number = Int(digits.prefix(4)) else { return nil }
            precision = number
            rest = rest.dropFirst(digits.count)
        }
        if rest.first == "~" { trim = true; rest = rest.dropFirst() }
        if let c = rest.first {
            guard Self.types.contains(c) else { return nil }
            type = c
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else { return nil }
        if zero || (fill == "0" && align == "=") {
            zero = true
            fill = "0"
            align = "="
        }
    }

    /// What `$` stands for: the text before and after the number.
    public struct Currency: Sendable, Hashable {
        public var prefix: String
        public var suffix: String
        public init(prefix: String, suffix: String = "") {
            self.prefix = prefix
            self.suffix = suffix
        }
        public static let dollar = Currency(prefix: "$")
    }

    /// SI prefixes from 10⁻²⁴ to 10²⁴ (d3's list, with B for 10⁹).
    static let prefixes = ["y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "B", "T", "P", "E", "Z", "Y"]

    /// `value` as this specifier prints it. `percentPoints` says the value is already in percentage
    /// points (a column of type percent), so `%` and `p` do not multiply it by 100.
    /// In a `locale` with myriad units (Chinese), `s` writes 万, 亿, 万亿 instead of SI prefixes.
    public func format(_ value: Double, currency: Currency = .dollar, percentPoints: Bool = false, locale: NumberLocale = .western) -> String {
        var type = self.type
        var comma = self.comma
        var precision = self.precision
        var trim = self.trim
        if type == "n" {
            comma = true
            type = "g"
        } else if type == nil {
            precision = precision ?? 12
            trim = true
            type = "g"
        }
        let kind = type!
        if "gprs".contains(kind) {
            precision = min(21, max(1, precision ?? 6))
        } else {
            precision = min(20, max(0, precision ?? 6))
        }
        var prefix = symbol == "$" ? currency.prefix : symbol == "#" && "boxX".contains(kind) ? "0" + kind.lowercased() : ""
        var suffix = symbol == "$" ? currency.suffix : "%p".contains(kind) ? "%" : ""
        guard value.isFinite else { return prefix + (value.isNaN ? "NaN" : "∞") + suffix }

        var negative = value < 0 || (value == 0 && value.sign == .minus)
        var siPrefix = ""
        var body = digits(abs(value), kind: kind, precision: precision!, percentPoints: percentPoints, locale: locale, siPrefix: &siPrefix)
        if trim { body = Self.trimmed(body) }
        if negative, Self.isZero(body), sign != "+" { negative = false }
        prefix = (negative ? (sign == "(" ? "(" : "−") : (sign == "-" || sign == "(" ? "" : String(sign))) + prefix
        suffix = siPrefix + suffix + (negative && sign == "(" ? ")" : "")
        // Split the integer digits from a fraction or exponent, which join the suffix.
        if "defgprs%".contains(kind), let cut = body.firstIndex(where: { !$0.isASCIIDigit }) {
            suffix = String(body[cut...]) + suffix
            body = String(body[..<cut])
        }
        if comma && !zero { body = Self.grouped(body, width: nil) }
        let length = prefix.count + body.count + suffix.count
        var padding = length < (width ?? 0) ? String(repeating: fill, count: width! - length) : ""
        if comma && zero {
            body = Self.grouped(padding + body, width: padding.isEmpty ? nil : width! - suffix.count)
            padding = ""
        }
        switch align {
        case "<": return prefix + body + suffix + padding
        case "=": return prefix + padding + body + suffix
        case "^":
            let half = padding.count / 2
            return String(padding.prefix(half)) + prefix + body + suffix + String(padding.dropFirst(half))
        default: return padding + prefix + body + suffix
        }
    }

    /// Labels for the ticks of one axis: like `format`, but every label with the same decimals,
    /// as many as the step needs, and for `s` one SI prefix chosen from the largest tick
    /// (`$0`, `$5T`, `$10T`, not `$0.00`, `$5.00T`, `$10.0T`); d3's `tickFormat` does the same
    /// for specifiers without a precision. Other types keep the specifier as written.
    public func tickLabels(_ ticks: [Double], currency: Currency, percentPoints: Bool, locale: NumberLocale = .western) -> [String] {
        guard let kind = type, "sf%".contains(kind) else { return ticks.map { format($0, currency: currency, percentPoints: percentPoints) } }
        var fixed = self
        fixed.type = "f"
        fixed.trim = false
        if kind == "%" {
            fixed.type = "%"
            let scaled = ticks.map { percentPoints ? $0 : $0 * 100 }
            fixed.precision = NumberFormat.naturalDecimals(of: scaled, limit: 6)
            return ticks.map { fixed.format($0, currency: currency, percentPoints: percentPoints) }
        }
        guard kind == "s" else {
            fixed.precision = NumberFormat.naturalDecimals(of: ticks, limit: 10)
            return ticks.map { fixed.format($0, currency: currency) }
        }
        let largest = ticks.map(abs).filter(\.isFinite).max() ?? 0
        let (divisor, prefix) = Self.tickUnit(for: largest, locale: locale)
        fixed.precision = NumberFormat.naturalDecimals(of: ticks.map { $0 / divisor }, limit: 6)
        var zero = fixed
        zero.precision = 0
        return ticks.map { tick in
            if tick == 0 { return zero.format(0, currency: currency) }   // "$0", as the compact format's "0"
            var text = fixed.format(tick / divisor, currency: currency)
            guard !prefix.isEmpty else { return text }
            // The prefix goes right after the digits, before a currency suffix or a closing parenthesis.
            let tail = (symbol == "$" ? currency.suffix : "") + (tick < 0 && sign == "(" ? ")" : "")
            let end = text.index(text.endIndex, offsetBy: -tail.count)
            text.insert(contentsOf: prefix, at: end)
            return text
        }
    }

    /// The digits of a non-negative `value` for `kind`, before sign, grouping and padding.
    private func digits(_ value: Double, kind: Character, precision: Int, percentPoints: Bool, locale: NumberLocale, siPrefix: inout String) -> String {
        var decimal = DecimalText(value)
        if "%p".contains(kind), !percentPoints, !decimal.isZero { decimal.exponent += 2 }
        switch kind {
        case "e": return decimal.exponential(precision)
        case "f", "%": return decimal.fixed(precision)
        case "g": return decimal.precision(precision)
        case "r", "p": return Self.rounded(decimal, significant: precision)
        case "s":
            if let units = locale.myriadUnits { return Self.myriadDigits(decimal, significant: precision, units: units, unit: &siPrefix) }
            let rounded = decimal.rounded(toSignificant: precision)
            let group = decimal.isZero ? 0 : max(-8, min(8, Int((Double(rounded.exponent) / 3).rounded(.down))))
            siPrefix = Self.prefixes[8 + group]
            var scaled = rounded
            if !scaled.isZero { scaled.exponent -= group * 3 }
            return scaled.fixed(max(0, precision - 1 - (scaled.isZero ? 0 : scaled.exponent)))
        case "d": return decimal.fixed(0)
        case "b", "o", "x", "X":
            let whole = value.rounded(.toNearestOrAwayFromZero)
            guard whole < 9.2e18 else { return decimal.fixed(0) }
            let text = String(Int64(whole), radix: kind == "b" ? 2 : kind == "o" ? 8 : 16, uppercase: kind == "X")
            return text
        default: return decimal.fixed(0)
        }
    }

    /// d3's `r`: `significant` digits in decimal (never exponential) notation.
    static func rounded(_ decimal: DecimalText, significant: Int) -> String {
        let value = decimal.rounded(toSignificant: significant)
        let power = value.isZero ? 0 : value.exponent
        return value.fixed(max(0, significant - 1 - power))
    }

    /// d3's `~`: insignificant trailing zeros of the fraction removed (`1.500k` → `1.5k`, `2.0` → `2`).
    static func trimmed(_ text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return text }
        let end = text[point...].dropFirst().firstIndex(where: { !$0.isASCIIDigit }) ?? text.endIndex
        var fraction = text[text.index(after: point)..<end]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let head = String(text[..<point]) + (fraction.isEmpty ? "" : "." + fraction)
        return head + text[end...]
    }

    /// Whether a digit string reads as zero (`0.00`, `0e+0`).
    static func isZero(_ text: String) -> Bool {
        let mantissa = text.prefix { $0 != "e" }
        return mantissa.allSatisfy { $0 == "0" || $0 == "." || !$0.isASCIIDigit && !$0.isLetter }
    }

    /// `digits` with a comma every three digits from the right. With `width` (zero padding), groups
    /// are taken from the right until that many characters are used, the last one cut short:
    /// `000001234` in 10 characters is `00,001,234`.
    static func grouped(_ digits: String, width: Int?) -> String {
        let limit = width ?? Int.max
        var groups: [Substring] = []
        var rest = Substring(digits)
        var used = 0
        while !rest.isEmpty {
            let size = used + 4 > limit ? max(1, limit - used) : 3
            groups.append(rest.suffix(size))
            rest = rest.dropLast(size)
            used += size + 1
            if used > limit { break }
        }
        return groups.reversed().joined(separator: ",")
    }
}
