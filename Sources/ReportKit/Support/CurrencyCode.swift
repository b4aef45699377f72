/// ISO 4217 currency codes (`currency: USD` in a data file's `NAME.yml`) and the symbol a
/// `$` format or the `currency` format prints for them.
enum CurrencyCode {
    /// Symbols of common currencies; any other three-letter code prints as itself and a space (`CHF 12`).
    static let symbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "RMB": "¥", "INR": "₹", "KRW": "₩",
        "RUB": "₽", "BRL": "R$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "HKD": "HK$", "SGD": "S$",
        "TWD": "NT$", "MXN": "MX$", "ILS": "₪", "NGN": "₦", "PHP": "₱", "THB": "฿", "TRY": "₺",
        "UAH": "₴", "VND": "₫", "PLN": "zł ", "ZAR": "R ",
    ]

    /// Whether `code` is written like an ISO 4217 code: three capital letters A–Z.
    static func isValid(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// What a currency format puts around the number for `code`.
    static func currency(for code: String) -> D3Format.Currency {
        D3Format.Currency(prefix: symbols[code] ?? code + " ")
    }
}
