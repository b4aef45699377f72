/// A non-negative number as decimal digits, rounded in decimal: what printing a number "from its
/// decimal text" means. A `Double` read from `1.005` is stored in binary as 1.00499999…; printed
/// with `%.2f` it shows `1.00`, and `27360935000000.0` with ten decimals can show noise. Here the
/// number starts from its shortest decimal text (the digits Swift prints, which read back to the
/// same `Double`, so for a value read from a data file they are the digits written there),
/// and rounding is done on those digits, half away from zero: `1.005` → `1.01`.
struct DecimalText: Sendable, Hashable {
    /// Significant digits, 0–9, without leading zeros (`[0]` for zero).
    var digits: [UInt8]
    /// The power of ten of the first digit: the value is d₀.d₁d₂… × 10^exponent.
    var exponent: Int

    /// The digits of `abs(value)`; `value` must be finite.
    init(_ value: Double) {
        let text = abs(value).description   // shortest round-trip text: "1.005", "2.7e+16", "1e-05"
        var mantissa = Substring(text)
        var power = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            power = Int(text[text.index(after: e)...]) ?? 0
            mantissa = text[..<e]
        }
        var all: [UInt8] = []
        var pointAt: Int?
        for character in mantissa {
            if character == "." { pointAt = all.count } else if let digit = character.wholeNumberValue { all.append(UInt8(digit)) }
        }
        let integerDigits = pointAt ?? all.count
        guard let first = all.firstIndex(where: { $0 != 0 }) else {
            self.digits = [0]
            self.exponent = 0
            return
        }
        var significant = Array(all[first...])
        while significant.count > 1, significant.last == 0 { significant.removeLast() }
        self.digits = significant
        self.exponent = integerDigits - first - 1 + power
    }

    init(digits: [UInt8], exponent: Int) {
        self.digits = digits
        self.exponent = exponent
    }

    var isZero: Bool { digits == [0] }

    /// Rounded (half away from zero) to the place of 10^-places: `places` = 2 keeps hundredths.
    func rounded(toPlaces places: Int) -> DecimalText {
        if isZero { return self }
        let kept = exponent + places + 1
        if kept >= digits.count { return self }
        if kept < 0 { return DecimalText(digits: [0], exponent: 0) }
        var head = Array(digits[..<kept])
        let roundsUp = digits[kept] >= 5
        if kept == 0 {
            return roundsUp ? DecimalText(digits: [1], exponent: -places) : DecimalText(digits: [0], exponent: 0)
        }
        var newExponent = exponent
        if roundsUp {
            var index = head.count - 1
            while index >= 0 {
                if head[index] == 9 {
                    head[index] = 0
                    index -= 1
                } else {
                    head[index] += 1
                    break
                }
            }
            if index < 0 {
                head.insert(1, at: 0)
                newExponent += 1
            }
        }
        while head.count > 1, head.last == 0 { head.removeLast() }
        if head == [0] { return DecimalText(digits: [0], exponent: 0) }
        return DecimalText(digits: head, exponent: newExponent)
    }

    /// Rounded to `count` significant digits (at least 1).
    func rounded(toSignificant count: Int) -> DecimalText {
        rounded(toPlaces: max(1, count) - 1 - exponent)
    }

    /// Fixed-point text with exactly `places` decimals, no grouping: `fixed(2)` of 1.005 is `1.01`.
    func fixed(_ places: Int) -> String {
        let places = max(0, places)
        let value = rounded(toPlaces: places)
        var integer = ""
        var fraction = ""
        if value.isZero || value.exponent < 0 {
            integer = "0"
        } else {
            for position in 0...value.exponent { integer.append(value.digit(at: position)) }
        }
        for place in stride(from: 1, through: places, by: 1) {
            fraction.append(value.digit(at: value.exponent + place))
        }
        return places > 0 ? integer + "." + fraction : integer
    }

    /// JavaScript's `toExponential(places)`: `d.ddd` then `e+N` / `e-N`.
    func exponential(_ places: Int) -> String {
        let value = rounded(toSignificant: places + 1)
        var text = String(value.digit(at: 0))
        if places > 0 {
            text += "."
            for index in 1...places { text.append(value.digit(at: index)) }
        }
        let power = value.isZero ? 0 : value.exponent
        return text + (power < 0 ? "e-\(-power)" : "e+\(power)")
    }

    /// JavaScript's `toPrecision(count)`: fixed notation unless the exponent is below −6 or at
    /// least `count`, then exponential.
    func precision(_ count: Int) -> String {
        let count = max(1, count)
        let value = rounded(toSignificant: count)
        let power = value.isZero ? 0 : value.exponent
        if power < -6 || power >= count { return exponential(count - 1) }
        return fixed(max(0, count - 1 - power))
    }

    /// The digit at `position`, counted from the first significant digit (0); the place of 10^p
    /// is position `exponent - p`. Positions outside the digits are 0.
    private func digit(at position: Int) -> Character {
        guard position >= 0, position < digits.count else { return "0" }
        return Character(String(digits[position]))
    }
}
