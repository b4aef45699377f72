import Testing
@testable import ReportKit

/// Numbers by locale: 万/亿/万亿 compact numbers, d3's `s` by myriads, money and dates in Chinese,
/// picked by the theme's `locale` string; English unchanged.
struct ChineseNumberTests {
    static let chinese = InterfaceStrings(InterfaceStrings.english.table.merging(["locale": "zh-Hans"]) { _, new in new })

    func compact(_ decimals: Int? = nil) -> NumberFormat {
        var format = NumberFormat(.compact, decimals: decimals)
        format.locale = .chinese(traditional: false)
        return format
    }

    @Test func theLocaleStringChoosesConventionsAndLabelLanguage() {
        #expect(InterfaceStrings.english.localeTag == "en")
        #expect(InterfaceStrings.english.numberLocale == .western)
        #expect(InterfaceStrings.english.labelLanguage == "en")
        #expect(Self.chinese.numberLocale == .chinese(traditional: false))
        #expect(Self.chinese.labelLanguage == "zh")
        #expect(NumberLocale(tag: "zh-Hant-TW") == .chinese(traditional: true))
        #expect(NumberLocale(tag: "zh_HK") == .chinese(traditional: true))
        #expect(NumberLocale(tag: "ZH") == .chinese(traditional: false))
        #expect(NumberLocale(tag: "ja") == .western)
        #expect(NumberLocale(tag: "") == .western)
    }

    @Test func compactPicksWanYiWanyiAtTheirThresholds() {
        let format = compact()
        #expect(format.format(47.8e12) == "47.8万亿")
        #expect(format.format(824_360_000_000) == "8243.6亿")
        #expect(format.format(9_999) == "9999")
        #expect(format.format(10_000) == "1.0万")
        #expect(format.format(99_999_999) == "1.0亿")   // 9999.9999万 rounds to 10000.0万: the next unit
        #expect(format.format(100_000_000) == "1.0亿")
        #expect(format.format(999_940_000_000) == "9999.4亿")
        #expect(format.format(1e12) == "1.0万亿")
        #expect(format.format(1e16) == "10000.0万亿")   // no 亿亿: 万亿 is the last unit
        #expect(format.format(123.456, decimals: 2) == "123.46")
        #expect(compact(0).format(12_345) == "1万")
        #expect(compact(2).format(12_345) == "1.23万")
    }

    @Test func roundingIsFromTheDecimalTextAndAtTheBoundary() {
        let format = compact()
        #expect(format.format(9_999.5) == "1.0万")          // rounds to 10000: shown as 1万, not 10000
        #expect(format.format(9_999.4) == "9999")
        #expect(format.format(12_350) == "1.2万")
        #expect(format.format(12_450) == "1.2万")
        #expect(format.format(12_550) == "1.3万")
        #expect(compact(2).format(10_050) == "1.01万")       // 1.005 → 1.01, never float noise (1.00)
        #expect(format.format(0.1 + 0.2, decimals: 2) == "0.30")
    }

    @Test func negativesAndZero() {
        let format = compact()
        #expect(format.format(-824_360_000_000) == "−8243.6亿")
        #expect(format.format(-12_000) == "−1.2万")
        #expect(format.format(-0.0) == "0")
        #expect(format.format(0) == "0")
        #expect(compact(1).format(-0.01) == "0.0")
        #expect(format.format(.infinity) == "–")
    }

    @Test func labelsUseTheFewestDecimalsPerValue() {
        let format = compact()
        #expect(format.labels(for: [10_000, 12_000, 123_456_789, 9_999]) == ["1万", "1.2万", "1.2亿", "9999"])
        #expect(format.labels(for: [-5e12]) == ["−5万亿"])
    }

    @Test func axisTicksShareOneUnit() {
        let format = compact()
        #expect(format.tickLabels(for: [0, 2e11, 4e11, 6e11]) == ["0", "2000亿", "4000亿", "6000亿"])
        #expect(format.tickLabels(for: [0, 5e11, 1e12, 1.5e12]) == ["0", "0.5万亿", "1.0万亿", "1.5万亿"])
        #expect(format.tickLabels(for: [-2e4, 0, 2e4]) == ["−2万", "0", "2万"])
        #expect(format.tickLabels(for: [0, 2_000, 4_000]) == ["0", "2000", "4000"])
    }

    @Test func d3SiTypeWritesMyriadsAndMoneyAfterTheNumber() throws {
        var money = NumberFormat(.pattern(try #require(D3Format("$.3s"))))
        money.locale = .chinese(traditional: false)
        money.currency = NumberLocale.chinese(traditional: false).currency(for: "CNY")
        #expect(money.format(47.8e12) == "47.8万亿元")
        #expect(money.format(27_360_935_000_000) == "27.4万亿元")
        #expect(money.format(9_999.5) == "1.00万元")   // rounded to three digits first, as d3 does
        #expect(money.format(123) == "123元")
        #expect(money.tickLabels(for: [0, 1e13, 2e13, 3e13]) == ["0元", "10万亿元", "20万亿元", "30万亿元"])
        var five = NumberFormat(.pattern(try #require(D3Format("$.5s"))))
        five.locale = .chinese(traditional: false)
        five.currency = NumberLocale.chinese(traditional: false).currency(for: "CNY")
        #expect(five.format(824_360_000_000) == "8243.6亿元")
        var plain = NumberFormat(.pattern(try #require(D3Format(".3s"))))
        plain.locale = .chinese(traditional: false)
        #expect(plain.format(0.00123) == "0.00123")
        #expect(plain.format(-1.5e9) == "−15.0亿")
        #expect(plain.format(1e16) == "10000万亿")
        #expect(NumberLocale.chinese(traditional: false).currency(for: "USD") == D3Format.Currency(prefix: "", suffix: "美元"))
        #expect(NumberLocale.chinese(traditional: false).currency(for: "CHF") == nil)   // keeps the symbol: CHF 12
        #expect(NumberLocale.chinese(traditional: true).myriadUnits?.map(\.suffix) == ["萬", "億", "萬億"])
    }

    @Test func percentIsTheSameAndDatesFollowTheLocale() {
        var percent = NumberFormat(.percent, decimals: 1)
        percent.locale = .chinese(traditional: false)
        #expect(percent.format(35.24) == "35.2%")
        let chinese = NumberLocale.chinese(traditional: false)
        #expect(chinese.yearText("2023") == "2023年")
        #expect(chinese.monthText(year: 2023, month: 6) == "2023年6月")
        #expect(chinese.dateText("2023-06-05") == "2023年6月5日")
        #expect(chinese.dateText("not a date") == "not a date")
        #expect(NumberLocale.western.monthText(year: 2023, month: 6) == "2023-06")
        #expect(NumberLocale.western.dateText("2023-06-05") == "2023-06-05")
    }

    @Test func englishIsUnchanged() throws {
        // The western locale is the default: these are the outputs of NumberFormatTests and D3FormatTests.
        #expect(NumberFormat(.compact).format(3_400_000) == "3.4M")
        #expect(NumberFormat(.compact).tickLabels(for: [0, 1e9, 2e9]) == ["0", "1B", "2B"])
        #expect(NumberFormat(.pattern(try #require(D3Format("$.3s")))).format(27_360_935_000_000) == "$27.4T")
        #expect(NumberFormat(.pattern(try #require(D3Format(".3s")))).format(0.00123) == "1.23m")
        let table = DataTable(path: "d.csv", columns: [DataColumn(name: "v", type: .number)], rows: [[.number(1, decimals: 0)]])
        #expect(table.shown(with: .english) == table)
    }
}
