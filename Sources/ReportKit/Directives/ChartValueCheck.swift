import Foundation

/// Values a chart cannot draw honestly, reported at the spec's `x` or `y` key with the data line
/// they come from (the chart engine would otherwise drop them without a word):
/// - numbers beyond ±`ChartModel.valueLimit`, whose labels and sums a chart cannot show;
/// - negative values in a pie or donut, which is drawn as parts of a whole.
extension ChartMapping {
    func checkValues(xKind: ChartModel.XKind) throws(DiagnosticList) {
        var checked: [(column: DataColumn, index: Int, key: String)] = ys.map { ($0, table.columnIndex($0.name)!, "y") }
        // Year and date positions are four-digit years; numeric x values are the data's own.
        if xKind == .linear { checked.append((x, table.columnIndex(x.name)!, "x")) }
        let isPie = kind == .pie || kind == .donut
        for (row, cells) in table.rows.enumerated() {
            for (column, index, key) in checked {
                guard let value = cells[index].number else { continue }
                let place = "column '\(column.name)' (\(table.path), line \(table.rowLines[row]))"
                if !ChartData.isDrawable(value) {
                    throw DiagnosticList(.error(.valueOutOfRange,
                        "value \(String(format: "%g", value)) in \(place) is too large for a chart",
                        at: spec.location(of: key),
                        hint: "charts show values up to ±1e15 (a thousand trillion); give the column in larger units, "
                            + "e.g. billions, and say so in its 'unit' in the data file's yml"))
                }
                if isPie && key == "y" && value < 0 {
                    throw DiagnosticList(.error(.negativeShare,
                        "a \(kind.rawValue) chart cannot show the negative value \(cells[index].text) in \(place)",
                        at: spec.location(of: key),
                        hint: "a \(kind.rawValue) shows parts of a whole, so every value must be zero or more; "
                            + "use a bar chart for values that can be negative, or filter those rows out"))
                }
            }
        }
    }
}
