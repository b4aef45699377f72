import Testing
@testable import ReportKit

struct ScaleTests {
    @Test func niceTicksAreRoundMultiplesOfTheStep() {
        #expect(LinearScale.ticks(0, 100, count: 5) == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale.ticks(0, 1, count: 10) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        #expect(LinearScale.ticks(-10, 10, count: 4) == [-10, -5, 0, 5, 10])
        #expect(LinearScale.ticks(1, 1, count: 5) == [1])
        #expect(LinearScale.ticks(0, 1, count: 0) == [])
    }

    @Test func domainZeroTo97GetsTicksUpTo100() {
        let domain = LinearScale.niceDomain(0, 97, count: 5)
        #expect(domain == (0, 100) as (Double, Double) || (domain.0 == 0 && domain.1 == 100))
        #expect(LinearScale.ticks(domain.0, domain.1, count: 5) == [0, 20, 40, 60, 80, 100])
    }

    @Test func fractionalTicksHaveNoFloatDrift() {
        let ticks = LinearScale.ticks(0, 0.3, count: 6)
        #expect(ticks == [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
        #expect(!ticks.contains(0.30000000000000004))
        #expect(NumberFormat(.number).tickLabels(for: ticks) == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"])
    }

    @Test func niceDomainWidensToWholeSteps() {
        let a = LinearScale.niceDomain(0.2, 9.7, count: 5)
        #expect(a.0 == 0 && a.1 == 10)
        let b = LinearScale.niceDomain(-93.7, 12.3, count: 5)
        #expect(b.0 == -100 && b.1 == 20)
        let c = LinearScale.niceDomain(1.59, 2.48, count: 5)
        #expect(c.0 == 1.4 && c.1 == 2.6)
        let empty = LinearScale.niceDomain(0, 0, count: 5)
        #expect(empty.0 == 0 && empty.1 == 1)
        let single = LinearScale.niceDomain(17.2, 17.2, count: 5)
        #expect(single.0 == 0 && single.1 == 20)
        let negative = LinearScale.niceDomain(-3, -3, count: 5)
        #expect(negative.0 == -3 && negative.1 == 0)
    }

    @Test func scaleMapsAndNeverReturnsNonFinite() {
        let scale = LinearScale(domain: (0, 10), range: (100, 0))
        #expect(scale(0) == 100 && scale(5) == 50 && scale(10) == 0)
        let flat = LinearScale(domain: (3, 3), range: (0, 10))
        #expect(flat(3) == 5)
        #expect(scale(.nan).isFinite)
    }

    @Test func bandScaleSpacesCategories() {
        let band = BandScale(count: 4, start: 0, end: 400, paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(band.step * (4 - 0.2 + 0.2) - 400) < 1e-9)
        #expect(band.position(0) > 0 && band.position(3) + band.bandwidth < 400)
    }
}
