import Foundation

/// How results are ranked: BM25 with a boost for words of the title and of headings.
///
/// The part of the score that depends on one page is worked out here, at build time, and stored
/// in the posting as a whole number (`weight`); the theme's `search.js` multiplies it by the
/// term's rarity (`inverseDocumentFrequency`, the same formula) and sums over the query's terms.
/// So the index needs no page lengths, and an edit changes only the postings of the edited page
/// (unless the site's typical length crosses a power of two, `referenceLength`).
public enum SearchRanking {
    /// BM25's term-frequency saturation and length normalisation.
    static let k1 = 1.2
    static let b = 0.75
    /// Added to a page's term score when the term is in its title or in one of its headings
    /// (BM25's term part is at most `k1 + 1`, so a title match outranks any body-only match).
    static let titleBoost = 3.0
    static let headingBoost = 1.5
    /// Stored weights are the score times this, rounded.
    static let scale = 10.0

    /// A page's weight for one term: `frequency` occurrences in a page of `pageLength` terms,
    /// `referenceLength` being the site's typical page length.
    public static func weight(frequency: Int, inTitle: Bool, inHeading: Bool, pageLength: Int, referenceLength: Int) -> Int {
        let tf = Double(frequency)
        let norm = k1 * (1 - b + b * Double(max(pageLength, 1)) / Double(max(referenceLength, 1)))
        var score = tf * (k1 + 1) / (tf + norm)
        if inTitle { score += titleBoost }
        if inHeading { score += headingBoost }
        return max(1, Int((score * scale).rounded()))
    }

    /// The site's typical page length: the mean, rounded up to a power of two so that it rarely
    /// changes when one page is edited.
    public static func referenceLength(pageLengths: [Int]) -> Int {
        guard !pageLengths.isEmpty else { return 1 }
        let mean = max(1, pageLengths.reduce(0, +) / pageLengths.count)
        var power = 1
        while power < mean { power *= 2 }
        return power
    }

    /// BM25's inverse document frequency, as `search.js` computes it.
    public static func inverseDocumentFrequency(documentFrequency: Int, documentCount: Int) -> Double {
        let df = Double(documentFrequency)
        return log(1 + (Double(documentCount) - df + 0.5) / (df + 0.5))
    }

    /// A page's score for a query: the sum over the query's terms of weight × rarity.
    public static func score(_ terms: [(weight: Int, documentFrequency: Int)], documentCount: Int) -> Double {
        terms.reduce(0) { $0 + Double($1.weight) * inverseDocumentFrequency(documentFrequency: $1.documentFrequency, documentCount: documentCount) }
    }
}
