/// The conventions by which numbers, money and dates print in one language, chosen by the BCP 47
/// tag of the theme's `locale` string (`InterfaceStrings.numberLocale`).
///
/// These are locale data, like the comma every three digits or `k`/`M`/`B`/`T`, not interface words a
/// theme rewords: `万` is not a translation of "ten thousand" but a different way of grouping
/// digits (by 10⁴), and its characters follow from the tag (`zh-Hant` writes `萬`/`億`). So they live
/// here, next to the Western suffixes in `NumberFormat`, selected by the tag, and a theme changes
/// them by changing `locale`.
public enum NumberLocale: Sendable, Hashable {
    /// English and every language without its own conventions here: `1.2k`, `3.4M`, `5.6B`, `7.8T`,
    /// SI prefixes for d3's `s`, `$` before the number, dates as written (`2023`, `2023-06-05`).
    case western
    /// Chinese: compact numbers by myriads, 万 (10⁴), 亿 (10⁸), 万亿 (10¹²): `47.8万亿`, `8243.6亿`;
    /// money named after the number for common currencies (`8243.6亿元`, `27.4万亿美元`); dates
    /// `2023年`, `2023年6月`, `2023年6月5日`. `traditional` (zh-Hant, zh-TW, zh-HK, zh-MO) writes 萬 and 億.
    case chinese(traditional: Bool)

    /// The conventions of a BCP 47 tag: Chinese for `zh…`, Western for anything else (and for an empty tag).
    public init(tag: String) {
        let subtags = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard subtags.first == "zh" else {
            self = .western
            return
        }
        let traditional = subtags.dropFirst().contains { ["hant", "tw", "hk", "mo"].contains($0) }
        self = .chinese(traditional: traditional)
    }

    /// One unit of a compact scale: the value is divided by 10^`power` and `suffix` written after it.
    public struct CompactUnit: Sendable, Hashable {
        public var power: Int
        public var suffix: String
    }

    /// The myriad units, smallest first, or `nil` for the Western thousands (k, M, B, T).
    /// Above 万亿 there is no further unit in common use: 10¹⁶ is `10000万亿`, not `1亿亿`.
    public var myriadUnits: [CompactUnit]? {
        switch self {
        case .western: return nil
        case let .chinese(traditional):
            let (wan, yi) = traditional ? ("萬", "億") : ("万", "亿")
            return [CompactUnit(power: 4, suffix: wan), CompactUnit(power: 8, suffix: yi), CompactUnit(power: 12, suffix: wan + yi)]
        }
    }

    /// What a currency format puts around the number for ISO 4217 `code`, when this locale names it
    /// differently from the symbol (`元` after the number in Chinese); `nil` keeps the symbol.
    func currency(for code: String) -> D3Format.Currency? {
        guard case let .chinese(traditional) = self else { return nil }
        let names = traditional ? Self.traditionalCurrencyNames : Self.simplifiedCurrencyNames
        return names[code].map { D3Format.Currency(prefix: "", suffix: $0) }
    }

    /// Chinese names of common currencies, written after the number (`100亿美元`).
    private static let simplifiedCurrencyNames = [
        "CNY": "元", "RMB": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元",
    ]
    private static let traditionalCurrencyNames = [
        "CNY": "元", "RMB": "元", "USD": "美元", "EUR": "歐元", "GBP": "英鎊", "JPY": "日圓", "HKD": "港元", "TWD": "新臺幣",
    ]

    /// A year as this locale writes it: `2023`, or `2023年`.
    public func yearText(_ year: String) -> String {
        switch self {
        case .western: return year
        case .chinese: return year + "年"
        }
    }

    /// The first of a month (a date axis tick): `2023-06`, or `2023年6月`.
    public func monthText(year: Int, month: Int) -> String {
        switch self {
        case .western: return "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .chinese: return "\(year)年\(month)月"
        }
    }

    /// A date written `yyyy-mm-dd` as this locale writes it: unchanged, or `2023年6月5日`. Text that
    /// is not such a date is returned as it is.
    public func dateText(_ iso: String) -> String {
        guard case .chinese = self, ISODate.daysSince1970(iso) != nil else { return iso }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}
