import Foundation
@testable import ReportKit

/// Samples for emphasis and reading aids: highlighted bars, named colours, reference lines and
/// notes, log axes. Values are the World Bank GDP file's (current US$, in trillions, 4 digits),
/// as in `Tests/EndToEndTests/Fixtures/gdp`.
extension ChartSamples {
    static let gdpYears = (1960...2023).map(Double.init)
    static let usa = [0.542, 0.5619, 0.6036, 0.6371, 0.6841, 0.7419, 0.813, 0.8596, 0.9402, 1.017, 1.073, 1.165, 1.279, 1.425, 1.545, 1.685, 1.873, 2.082, 2.352, 2.627, 2.857, 3.207, 3.344, 3.634, 4.038, 4.339, 4.58, 4.855, 5.236, 5.642, 5.963, 6.158, 6.52, 6.859, 7.287, 7.64, 8.073, 8.578, 9.063, 9.631, 10.25, 10.58, 10.93, 11.46, 12.22, 13.04, 13.82, 14.47, 14.77, 14.48, 15.05, 15.6, 16.25, 16.88, 17.61, 18.3, 18.8, 19.61, 20.66, 21.52, 21.32, 23.59, 25.74, 27.36]
    static let china = [0.05972, 0.05006, 0.04721, 0.05071, 0.05971, 0.07044, 0.07672, 0.07288, 0.07085, 0.07971, 0.0926, 0.0998, 0.1137, 0.1385, 0.1442, 0.1634, 0.1539, 0.1749, 0.1495, 0.1783, 0.1911, 0.1959, 0.2051, 0.2307, 0.2599, 0.3095, 0.3008, 0.273, 0.3124, 0.3478, 0.3609, 0.3834, 0.4269, 0.4447, 0.5643, 0.7345, 0.8637, 0.9616, 1.029, 1.094, 1.211, 1.339, 1.471, 1.66, 1.955, 2.286, 2.752, 3.55, 4.594, 5.102, 6.087, 7.552, 8.532, 9.57, 10.48, 11.06, 11.23, 12.31, 13.89, 14.28, 14.69, 17.82, 17.88, 17.79]
    static let india = [0.03703, 0.03923, 0.04216, 0.04842, 0.05648, 0.05956, 0.04558, 0.05013, 0.05309, 0.05845, 0.06242, 0.06735, 0.07146, 0.08552, 0.09953, 0.09847, 0.1027, 0.1215, 0.1373, 0.153, 0.1863, 0.1935, 0.2007, 0.2183, 0.2122, 0.2325, 0.249, 0.279, 0.2966, 0.296, 0.321, 0.2701, 0.2882, 0.2793, 0.3273, 0.3603, 0.3929, 0.4159, 0.4214, 0.4588, 0.4684, 0.4854, 0.5149, 0.6077, 0.7092, 0.8204, 0.9403, 1.217, 1.199, 1.342, 1.676, 1.823, 1.828, 1.857, 2.039, 2.104, 2.295, 2.651, 2.703, 2.836, 2.675, 3.167, 3.353, 3.55]
    static let trillions = NumberFormat(name: "$,.1f")!

    static let emphasis: [(name: String, model: ChartModel)] = [
        ("hbar-highlight", {
            var model = ChartModel(
                kind: .horizontalBar, id: "largest-economies", title: "The ten largest economies, 2023",
                categories: ["United States", "China", "Germany", "Japan", "India", "United Kingdom", "France", "Italy", "Brazil", "Canada"],
                series: [.init(name: "GDP", values: [27.36, 17.79, 4.456, 4.213, 3.55, 3.34, 3.031, 2.255, 2.174, 2.14])],
                xTitle: "Country", yTitle: "GDP (trillion US$)", valueFormat: trillions)
            model.highlight = ["United States", "China"]
            model.colors = ["China": 5]
            model.annotations = [.rule(axis: .y, value: 10, label: "$10 trillion")]
            return model
        }()),
        ("bar-highlight-annotations", {
            var model = ChartModel(
                kind: .bar, id: "china-decade", title: "China's GDP, 2014–2023",
                categories: (2014...2023).map(String.init),
                series: [.init(name: "GDP", values: Array(china.suffix(10)))],
                xTitle: "Year", yTitle: "GDP (trillion US$)", valueFormat: trillions)
            model.highlight = ["2020", "2021"]
            model.annotations = [.rule(axis: .y, value: 15, label: "$15 trillion"), .note(from: 6, to: 7, text: "Pandemic years")]
            return model
        }()),
        ("line-annotations", {
            var model = ChartModel(
                kind: .line, id: "usa-china-notes", title: "GDP of the United States and China, 1990–2023", xKind: .year,
                xValues: Array(gdpYears.suffix(34)),
                series: [.init(name: "United States", values: Array(usa.suffix(34))), .init(name: "China", values: Array(china.suffix(34)))],
                xTitle: "Year", yTitle: "GDP (trillion US$)", valueFormat: trillions)
            model.colors = ["China": 5]
            model.annotations = [.rule(axis: .y, value: 20, label: "$20 trillion"),
                                 .note(from: 2008, to: nil, text: "Financial crisis"),
                                 .note(from: 2020, to: 2021, text: "Pandemic")]
            return model
        }()),
        ("line-log", {
            var model = ChartModel(
                kind: .line, id: "gdp-log", title: "GDP of the United States, China and India, 1960–2023", xKind: .year,
                xValues: gdpYears,
                series: [.init(name: "United States", values: usa), .init(name: "China", values: china), .init(name: "India", values: india)],
                xTitle: "Year", yTitle: "GDP (trillion US$, log scale)", valueFormat: trillions)
            model.axes.yLog = true
            return model
        }()),
        ("scatter-log", {
            var model = ChartModel(
                kind: .scatter, id: "gdp-1990-2023", title: "GDP in 1990 and 2023", xKind: .linear,
                categories: ["United States", "China", "India", "Germany", "Japan", "Brazil", "Nigeria", "Viet Nam"],
                xValues: [5.963, 0.3609, 0.321, 1.772, 3.186, 0.385, 0.05404, 0.006472],
                series: [.init(name: "GDP 2023", values: [27.36, 17.79, 3.55, 4.456, 4.213, 2.174, 0.3628, 0.4297])],
                xTitle: "GDP 1990 (trillion US$)", yTitle: "GDP 2023 (trillion US$)", valueFormat: trillions, xFormat: NumberFormat(.number))
            model.axes.xLog = true
            model.axes.yLog = true
            model.highlight = ["China", "India", "Viet Nam"]
            return model
        }()),
    ]
}
