import Foundation
import Testing
@testable import ReportKit

/// Realistic sample charts (Chinese consumer-finance figures, long and CJK labels) and edge cases,
/// one per golden file under `Fixtures/charts/`.
enum ChartSamples {
    static let years = (2015...2023).map(Double.init)

    static let all: [(name: String, model: ChartModel)] = [
        ("bar", ChartModel(
            kind: .bar, id: "age-groups", title: "Age of Internet consumer finance users, 2023",
            categories: ["18–24", "25–30", "31–35", "36–40", "41–50", "Over 50"],
            series: [.init(name: "Share of users", values: [23.5, 31.2, 19.8, 12.4, 9.1, 4.0])],
            xTitle: "Age group", yTitle: "Share of users (%)", valueFormat: NumberFormat(.percent))),
        ("bar-long-labels", ChartModel(
            kind: .bar, id: "lenders", title: "Consumer credit balance by type of lender, 2023",
            categories: ["Commercial banks", "Licensed consumer finance companies", "Internet micro-lending companies",
                         "E-commerce platforms (京东白条, 蚂蚁花呗)", "Trust companies and others"],
            series: [.init(name: "Balance", values: [19.6, 0.9, 1.2, 0.8, 0.3])],
            yTitle: "Balance (trillion yuan)", valueFormat: NumberFormat(.number, decimals: 1))),
        ("bar-negative", ChartModel(
            kind: .bar, id: "profit-growth", title: "Net profit growth of consumer finance companies, 2022",
            categories: ["招联消费金融", "马上消费金融", "兴业消费金融", "中银消费金融", "捷信消费金融", "湖北消费金融"],
            series: [.init(name: "Growth", values: [12.3, 3.9, -18.6, -24.1, -93.7, 8.0])],
            xTitle: "Company", yTitle: "Change on 2021 (%)", valueFormat: NumberFormat(.percent))),
        ("bar-many", ChartModel(
            kind: .bar, id: "monthly-apps", title: "Monthly loan applications, 2022–2023",
            categories: (0..<24).map { "\(2022 + $0 / 12)-\(String(format: "%02d", $0 % 12 + 1))" },
            series: [.init(name: "Applications", values: (0..<24).map { Double(1_200_000 + ($0 * 137_000) % 900_000) })],
            yTitle: "Applications", valueFormat: NumberFormat(.compact))),
        ("hbar", ChartModel(
            kind: .horizontalBar, id: "cf-capital", title: "Registered capital of licensed consumer finance companies",
            categories: ["招联消费金融 (Merchants Union)", "马上消费金融 (Mashang)", "中银消费金融 (BOC Consumer Finance)",
                         "兴业消费金融", "Home Credit China (捷信)", "杭银消费金融"],
            series: [.init(name: "Capital", values: [10_000, 4_000, 1_500, 5_316, 800, 2_140])],
            yTitle: "Registered capital (million yuan)", valueFormat: NumberFormat(.currency("¥")))),
        ("hbar-negative", ChartModel(
            kind: .horizontalBar, id: "npl-change", title: "Change in non-performing loans, 2023",
            categories: ["Licensed consumer finance companies", "Internet micro-lending companies (网络小贷)", "Commercial banks", "Credit card issuers"],
            series: [.init(name: "Change", values: [-12.4, 8.7, -3.1, 15.2])],
            yTitle: "Change on 2022 (%)", valueFormat: NumberFormat(.percent, decimals: 1))),
        ("grouped-bar", ChartModel(
            kind: .groupedBar, id: "balance-by-product", title: "Balance by product, 2021–2023",
            categories: ["Credit cards", "Consumer loans from banks", "Consumer finance companies", "Online platforms"],
            series: [.init(name: "2021", values: [8.6, 8.9, 0.7, 1.6]),
                     .init(name: "2022", values: [8.7, 9.3, 0.8, 1.8]),
                     .init(name: "2023", values: [8.5, 10.0, 0.9, 2.1])],
            yTitle: "Balance (trillion yuan)", valueFormat: NumberFormat(.number, decimals: 1))),
        ("stacked-bar", ChartModel(
            kind: .stackedBar, id: "loan-terms", title: "Personal consumer loans by term",
            categories: ["2019", "2020", "2021", "2022", "2023"],
            series: [.init(name: "Short-term (under 1 year)", values: [9.9, 8.9, 9.4, 9.4, 9.9]),
                     .init(name: "Medium and long-term", values: [34.0, 40.9, 45.3, 47.6, 50.8])],
            xTitle: "Year", yTitle: "Balance (trillion yuan)", valueFormat: NumberFormat(.number, decimals: 1))),
        ("line", ChartModel(
            kind: .line, id: "market-size", title: "Internet consumer finance, 2015–2023", xKind: .year,
            xValues: years,
            series: [.init(name: "Loan balance", values: [0.2, 0.6, 1.6, 3.0, 4.2, 4.8, 5.6, 5.9, 6.3]),
                     .init(name: "Transactions", values: [0.4, 1.4, 4.4, 7.8, 9.2, 10.1, 11.3, 11.0, 12.1]),
                     .init(name: "Users (100 million)", values: [nil, 0.9, 1.4, 2.1, 2.8, 3.2, 3.6, 3.8, 4.0])],
            xTitle: "Year", yTitle: "Trillion yuan / 100 million users", valueFormat: NumberFormat(.number))),
        ("line-highlight", {
            // The FT/Datawrapper habit: the series the story is about in colour, the rest grey, drawn under them.
            var model = ChartModel(
                kind: .line, id: "market-size-highlight", title: "Internet consumer finance, 2015–2023", xKind: .year,
                xValues: years,
                series: [.init(name: "Loan balance", values: [0.2, 0.6, 1.6, 3.0, 4.2, 4.8, 5.6, 5.9, 6.3]),
                         .init(name: "Transactions", values: [0.4, 1.4, 4.4, 7.8, 9.2, 10.1, 11.3, 11.0, 12.1]),
                         .init(name: "Users (100 million)", values: [nil, 0.9, 1.4, 2.1, 2.8, 3.2, 3.6, 3.8, 4.0])],
                xTitle: "Year", yTitle: "Trillion yuan / 100 million users", valueFormat: NumberFormat(.number))
            model.highlight = ["Transactions"]
            return model
        }()),
        ("line-categories", ChartModel(
            kind: .line, id: "npl-ratio", title: "Non-performing loan ratio by quarter",
            categories: ["2022 Q1", "2022 Q2", "2022 Q3", "2022 Q4", "2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"],
            series: [.init(name: "Consumer finance companies", values: [2.19, 2.25, 2.31, 2.48, 2.41, 2.37, 2.33, 2.29]),
                     .init(name: "Commercial banks", values: [1.69, 1.67, 1.66, 1.63, 1.62, 1.62, 1.61, 1.59])],
            yTitle: "NPL ratio (%)", valueFormat: NumberFormat(.percent))),
        ("line-dates", ChartModel(
            kind: .line, id: "lpr", title: "One-year loan prime rate", xKind: .date,
            xValues: [19_164, 19_192, 19_225, 19_253, 19_284, 19_314, 19_345, 19_375, 19_406, 19_437, 19_467, 19_498, 19_528, 19_559].map(Double.init),
            series: [.init(name: "1-year LPR", values: [3.70, 3.70, 3.70, 3.70, 3.70, 3.65, 3.65, 3.55, 3.55, 3.45, 3.45, 3.45, 3.45, 3.45])],
            yTitle: "Rate (%)", valueFormat: NumberFormat(.percent, decimals: 2))),
        ("area", ChartModel(
            kind: .area, id: "users", title: "Users of Internet consumer credit", xKind: .year,
            xValues: years,
            series: [.init(name: "Users", values: [6.2e7, 9.5e7, 1.42e8, 2.1e8, 2.8e8, 3.2e8, 3.6e8, 3.8e8, 4.0e8])],
            xTitle: "Year", yTitle: "Users", valueFormat: NumberFormat(.compact))),
        ("area-stacked", ChartModel(
            kind: .area, id: "channels", title: "Consumer credit by channel", xKind: .year,
            xValues: Array(years.suffix(6)),
            series: [.init(name: "Banks", values: [13.2, 14.1, 15.0, 15.6, 16.3, 17.2]),
                     .init(name: "Consumer finance companies", values: [0.5, 0.6, 0.6, 0.7, 0.8, 0.9]),
                     .init(name: "Internet platforms", values: [3.0, 4.2, 4.8, 5.6, 5.9, 6.3])],
            yTitle: "Balance (trillion yuan)", valueFormat: NumberFormat(.number, decimals: 1))),
        ("pie", ChartModel(
            kind: .pie, id: "market-share", title: "Market share of Internet consumer credit providers, 2023",
            categories: ["Ant Group (花呗/借呗)", "JD Finance (京东白条)", "WeBank (微粒贷)", "Licensed consumer finance companies", "Others"],
            series: [.init(name: "Share", values: [38.5, 14.2, 12.1, 21.7, 13.5])],
            valueFormat: NumberFormat(.percent))),
        ("donut", ChartModel(
            kind: .donut, id: "loan-purpose", title: "What consumer loans pay for",
            categories: ["Consumer electronics", "Travel", "Education", "Home furnishing", "Cars", "Medical care", "Other"],
            series: [.init(name: "Loans", values: [1_820, 640, 410, 980, 2_310, 120, 75])],
            valueFormat: NumberFormat(.currency("¥"), decimals: 0))),
        ("scatter", ChartModel(
            kind: .scatter, id: "capital-vs-loans", title: "Capital and loan balance of consumer finance companies",
            xKind: .linear,
            categories: ["招联", "马上", "兴业", "中银", "捷信", "杭银", "中邮", "平安"],
            xValues: [100, 40, 53.2, 15, 8, 21.4, 30, 50],
            series: [.init(name: "Loan balance", values: [1_682, 1_252, 604, 583, 390, 433, 961, 1_054])],
            xTitle: "Registered capital (100 million yuan)", yTitle: "Loan balance (100 million yuan)",
            valueFormat: NumberFormat(.number), xFormat: NumberFormat(.number))),
        ("edge-empty", ChartModel(kind: .bar, id: "empty", title: "No rows", series: [])),
        ("edge-all-zero", ChartModel(
            kind: .line, id: "zeros", title: "All zero", categories: ["A", "B", "C"],
            series: [.init(name: "Zero", values: [0, 0, 0])])),
        ("edge-one-category", ChartModel(
            kind: .groupedBar, id: "one", title: "One category", categories: ["2023"],
            series: [.init(name: "Banks", values: [17.2]), .init(name: "Platforms", values: [nil])],
            valueFormat: NumberFormat(.number, decimals: 1))),
        ("edge-many-long-grouped", ChartModel(
            kind: .groupedBar, id: "provinces", title: "Consumer loans by province (top 14)",
            categories: ["Guangdong Province (广东省)", "Zhejiang Province (浙江省)", "Jiangsu Province (江苏省)", "Shandong Province",
                         "Beijing Municipality (北京市)", "Shanghai Municipality (上海市)", "Sichuan Province", "Henan Province",
                         "Fujian Province", "Hubei Province", "Hunan Province", "Anhui Province", "Hebei Province", "内蒙古自治区"],
            series: [.init(name: "2022", values: [7.1, 5.9, 5.2, 3.9, 3.6, 3.4, 3.0, 2.9, 2.7, 2.4, 2.2, 2.1, 2.0, 0.8]),
                     .init(name: "2023", values: [7.6, 6.4, 5.6, 4.1, 3.8, 3.7, 3.2, 3.0, 2.9, 2.6, 2.3, 2.3, 2.1, 0.9])],
            yTitle: "Balance (trillion yuan)", valueFormat: NumberFormat(.number, decimals: 1))),
        ("edge-line-many-long", ChartModel(
            kind: .line, id: "long-periods", title: "Long category names on a line",
            categories: (1...22).map { "Reporting period number \($0) (报告期)" },
            series: [.init(name: "Index", values: (1...22).map { 100 + Double(($0 * 37) % 23) - 11 })],
            yTitle: "Index", valueFormat: NumberFormat(.number))),
        ("edge-gaps", ChartModel(
            kind: .line, id: "gaps", title: "Series with gaps", xKind: .year, xValues: years,
            series: [.init(name: "Reported", values: [1, 2, nil, 4, 5, nil, 7, nil, nil])])),
    ] + emphasis
}
