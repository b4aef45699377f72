import Testing
@testable import ReportKit

struct TextMeasureTests {
    @Test func latinWidthsArePerCharacter() {
        #expect(abs(TextMeasure.width("0", fontSize: 10) - 6.36) < 1e-9)
        #expect(TextMeasure.width("iii", fontSize: 12) < TextMeasure.width("WWW", fontSize: 12))
        #expect(TextMeasure.width("Bold", fontSize: 12, bold: true) > TextMeasure.width("Bold", fontSize: 12))
    }

    @Test func eastAsianCharactersCountAsOneEm() {
        #expect(TextMeasure.width("消费金融", fontSize: 12) == 48)
        #expect(TextMeasure.width("（）", fontSize: 10) == 20)
        #expect(TextMeasure.isWide("花"))
        #expect(!TextMeasure.isWide("a"))
    }

    @Test func wrapsAtSpacesAndBetweenCJKCharacters() {
        #expect(TextMeasure.wrap("Licensed consumer finance companies", maxWidth: 110, fontSize: 12)
                == ["Licensed", "consumer finance", "companies"])
        #expect(TextMeasure.wrap("互联网消费金融公司", maxWidth: 50, fontSize: 12, maxLines: 3) == ["互联网消", "费金融公", "司"])
        #expect(TextMeasure.wrap("Short", maxWidth: 100, fontSize: 12) == ["Short"])
    }

    @Test func wrapKeepsClosingPunctuationWithItsWord() {
        let lines = TextMeasure.wrap("京东白条，花呗", maxWidth: 48, fontSize: 12, maxLines: 3)
        #expect(lines?.allSatisfy { !$0.hasPrefix("，") } == true)
    }

    @Test func wrapFailsWhenTooLongAndTruncationEllipsizes() {
        #expect(TextMeasure.wrap("Supercalifragilistic", maxWidth: 40, fontSize: 12) == nil)
        #expect(TextMeasure.wrap("one two three four five six", maxWidth: 30, fontSize: 12, maxLines: 2) == nil)
        let cut = TextMeasure.wrapTruncating("one two three four five six", maxWidth: 60, fontSize: 12, maxLines: 2)
        #expect(cut.count == 2 && cut[1].hasSuffix("…"))
        #expect(cut.allSatisfy { TextMeasure.width($0, fontSize: 12) <= 60 })
    }
}
