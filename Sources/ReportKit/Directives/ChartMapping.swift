/// Turns a checked `chart` spec and its (filtered, sorted) data into a `ChartModel`:
/// picks the x axis kind, pivots a long table into series, and settles titles and formats.
struct ChartMapping {
    var spec: DirectiveSpec
    var kind: ChartModel.Kind
    /// The data after filter, sort and limit.
    var table: DataTable
    var x: DataColumn
    var ys: [DataColumn]
    var series: DataColumn?
    var format: NumberFormat?

    /// Kinds that draw one value per category and cannot place numbers on the x axis.
    static let categoryKinds: Set<ChartModel.Kind> = [.bar, .horizontalBar, .groupedBar, .stackedBar, .pie, .donut]

    func model(id: String, title: String) throws(DiagnosticList) -> ChartModel {
        let xKind = try self.xKind()
        try checkValues(xKind: xKind)
        let xIndex = table.columnIndex(x.name)!
        let yIndices = ys.map { table.columnIndex($0.name)! }
        var categories: [String] = []
        var xValues: [Double] = []
        var seriesList: [ChartModel.Series] = []

        if let series {
            // Long table → one series per distinct value of the series column, x values in first-seen order.
            let seriesIndex = table.columnIndex(series.name)!
            var positions: [String: Int] = [:]
            var seriesPositions: [String: Int] = [:]
            var sourceLines: [[Int?]] = []
            for (row, cells) in table.rows.enumerated() {
                guard let key = xKey(cells[xIndex]), case let name = cells[seriesIndex].text, !name.isEmpty else { continue }
                if positions[key.label] == nil {
                    positions[key.label] = categories.count
                    categories.append(key.label)
                    if let value = key.value { xValues.append(value) }
                    for index in seriesList.indices {
                        seriesList[index].values.append(nil)
                        sourceLines[index].append(nil)
                    }
                }
                if seriesPositions[name] == nil {
                    seriesPositions[name] = seriesList.count
                    seriesList.append(ChartModel.Series(name: name, values: Array(repeating: nil, count: categories.count)))
                    sourceLines.append(Array(repeating: nil, count: categories.count))
                }
                let (s, c) = (seriesPositions[name]!, positions[key.label]!)
                if let earlier = sourceLines[s][c] {
                    throw DiagnosticList(.error(.duplicateSeriesValue,
                        "two rows of \(table.path) (lines \(earlier) and \(table.rowLines[row])) give series '\(name)' a value at \(x.name) '\(key.label)'",
                        at: spec.location(of: "series"),
                        hint: "filter the data so that each \(x.name) appears once per \(series.name)"))
                }
                seriesList[s].values[c] = cells[yIndices[0]].number
                sourceLines[s][c] = table.rowLines[row]
            }
        } else {
            seriesList = ys.map { ChartModel.Series(name: $0.label, values: []) }
            for cells in table.rows {
                guard let key = xKey(cells[xIndex]) else { continue }
                categories.append(key.label)
                if let value = key.value { xValues.append(value) }
                for (position, index) in yIndices.enumerated() { seriesList[position].values.append(cells[index].number) }
            }
        }
        if series != nil, kind == .line || kind == .area {
            seriesList = Self.byEndValue(seriesList)
        }
        guard !categories.isEmpty else {
            throw DiagnosticList(.error(.nothingToDraw, "no rows with a value in column '\(x.name)' to draw", at: spec.location(of: "x"),
                                        hint: "fill in the column in the data file, or choose another column for 'x'"))
        }
        let valueFormat = table.numberFormat(for: ys[0], explicit: format)
        if valueFormat.needsCurrency {
            throw DiagnosticList(.error(.missingCurrency, "format 'currency' needs a currency, and \(table.path)'s yml names none",
                                        at: spec.location(of: "format"), hint: NumberFormat.missingCurrencyHint))
        }
        var xFormat = table.numberFormat(for: x)
        if xKind == .year { xFormat.grouping = false }
        return ChartModel(
            kind: kind, id: id, title: title, xKind: xKind,
            categories: categories, xValues: xKind == .category ? [] : xValues, series: seriesList,
            xTitle: try spec.string("x-title")?.value ?? Self.title(x.label, unit: x.unit),
            yTitle: try spec.string("y-title")?.value ?? yTitle(),
            valueFormat: valueFormat, xFormat: xFormat)
    }

    /// Series of a pivoted line or area chart in the order of their last values, largest first,
    /// so that the legend, the colours and the description read from the top of the chart down,
    /// not in the alphabet's order. A series without values goes last; ties keep first-seen order.
    static func byEndValue(_ series: [ChartModel.Series]) -> [ChartModel.Series] {
        let ends = series.map { $0.values.last { $0 != nil } ?? nil }
        return series.indices.sorted { a, b in
            switch (ends[a], ends[b]) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }.map { series[$0] }
    }

    /// Category for text and all bar/pie kinds; year, date or linear for the other kinds.
    func xKind() throws(DiagnosticList) -> ChartModel.XKind {
        if Self.categoryKinds.contains(kind) { return .category }
        switch x.type {
        case .year: return .year
        case .date: return .date
        case .integer where looksLikeYears: return .year
        case .integer, .number, .percent: return .linear
        case .text:
            if kind == .scatter {
                throw DiagnosticList(.error(.columnNotNumeric, "column '\(x.name)' is text; the x values of a scatter chart must be numbers",
                                            at: spec.location(of: "x"),
                                            hint: "choose a numeric column, or declare its type in the data file's yml"))
            }
            return .category
        }
    }

    /// Whether an integer x column holds only plausible years (so ticks print `2020`, not `2,020`).
    var looksLikeYears: Bool {
        guard let index = table.columnIndex(x.name) else { return false }
        return table.rows.allSatisfy { row in row[index].number.map { (1800...2200).contains($0) } ?? true }
    }

    /// The category label and numeric position of an x cell; `nil` for a missing cell.
    func xKey(_ cell: DataValue) -> (label: String, value: Double?)? {
        switch cell {
        case .missing: return nil
        case let .number(value, _): return (table.numberLocale.text(of: cell, type: x.type), value)
        case let .text(text):
            return (table.numberLocale.text(of: cell, type: x.type), x.type == .date ? ISODate.daysSince1970(text).map(Double.init) : nil)
        }
    }

    /// The y column's label and unit; for several columns, their shared unit if any.
    func yTitle() -> String? {
        if ys.count == 1 { return Self.title(ys[0].label, unit: ys[0].unit) }
        let units = Set(ys.map { $0.unit ?? "" })
        return units.count == 1 && units.first! != "" ? units.first! : nil
    }

    /// "Label (unit)", or the label alone.
    static func title(_ label: String, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return label }
        return "\(label) (\(unit))"
    }

}
