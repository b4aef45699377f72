import Testing
@testable import ReportKit

struct HTMLEscapingTests {
    @Test func markupCharactersBecomeEntities() {
        #expect("a & b < c > d \"e\" 'f'".htmlEscaped == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect("中文 plain".htmlEscaped == "中文 plain")
    }

    /// `"` followed by a combining mark is one Character that is not `"`: it must still be escaped,
    /// or a data value could end a quoted attribute and add its own (`onmouseover=…`).
    @Test func markupCharactersCarryingCombiningMarksAreEscapedToo() {
        let hostile = "x\"\u{301} onmouseover=alert(1) y"
        #expect(!hostile.htmlEscaped.contains("\""))
        #expect(hostile.htmlEscaped == "x&quot;\u{301} onmouseover=alert(1) y")
        for (mark, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("'", "&#39;")] {
            #expect((mark + "\u{301}").htmlEscaped == entity + "\u{301}", "\(mark)")
        }
    }

    /// Noncharacters become references, other scalars of three or four bytes stay, and the text
    /// between the characters escaped is kept whole.
    @Test func noncharactersBecomeReferencesAndTheRestIsKept() {
        func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }
        let text = "a" + scalar(0xFDD0) + "b😀" + scalar(0xFFFE) + "&\u{F900}" + scalar(0x10FFFF) + "\"z"
        #expect(text.htmlEscaped == "a&#xFDD0;b😀&#xFFFE;&amp;\u{F900}&#x10FFFF;&quot;z")
        #expect("\"".htmlEscaped == "&quot;")
        #expect(("x" + scalar(0xFFFF)).htmlEscaped == "x&#xFFFF;")
    }
}
