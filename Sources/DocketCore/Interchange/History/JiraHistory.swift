/// Jira's dates as history (the CSV export has no transitions): `Created` → a `create` entry
/// by the creator (else the reporter); for an issue whose status category is In Progress,
/// `Status Category Changed` → the time it entered its (doing) stage, so its work item age is
/// right; for a done issue, `Resolved` (else `Status Category Changed`) → the time it entered
/// its done stage. Those stage entries have no `from` (Jira's CSV does not say where the issue
/// was), so done issues have lead times but no cycle times. English and Spanish headers.
enum JiraHistory {
    /// The entries for `rows` (cells by `header`), matched to `board`'s items by issue key
    /// (the key itself, or the id derived from it as `ImportIDs` does for a first occurrence)
    /// and checked against the summary.
    static func entries(header: [String], rows: [(line: Int, cells: [String])], board: ImportedBoard) -> [Activity] {
        let lower = header.map { $0.lowercased() }
        func column(_ names: String...) -> Int? { lower.firstIndex { names.contains($0) } }
        guard let keyCol = column("issue key", "clave de incidencia", "clave de la incidencia"),
              let summaryCol = column("summary", "resumen") else { return [] }
        let createdCol = column("created", "creada"), resolvedCol = column("resolved", "resuelta")
        let changedCol = column("status category changed", "categoría de estado cambiada")
        let creatorCol = column("creator", "creador"), reporterCol = column("reporter", "informador")
        let assigneeCol = column("assignee", "persona asignada")
        let kinds = Dictionary(board.stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var byID: [String: Item] = [:]
        for item in board.items { byID[item.id] = item }
        func cell(_ row: [String], _ i: Int?) -> String {
            guard let i, i < row.count else { return "" }
            return CellText.trimmed(row[i])
        }
        var out: [Activity] = []
        for r in rows {
            let key = cell(r.cells, keyCol)
            guard !key.isEmpty else { continue }
            let id = ItemID.isValid(key) ? key : ItemID.derived(from: "\(key)\u{1}1")
            guard let item = byID[id], item.title == cell(r.cells, summaryCol) else { continue }
            let person = { (cols: [Int?]) -> String in
                cols.lazy.map { cell(r.cells, $0) }.first { !$0.isEmpty }.map(JiraCSVImport.handleFor) ?? "jira"
            }
            if let created = JiraDate.parse(cell(r.cells, createdCol)) {
                out.append(Activity(at: created, by: person([creatorCol, reporterCol]), item: id, action: "create", to: item.title))
            }
            let entered: Timestamp?
            switch kinds[item.stage] {
            case .done: entered = JiraDate.parse(cell(r.cells, resolvedCol)) ?? JiraDate.parse(cell(r.cells, changedCol))
            case .doing: entered = JiraDate.parse(cell(r.cells, changedCol))
            default: entered = nil
            }
            if let entered {
                out.append(Activity(at: entered, by: person([assigneeCol, creatorCol]), item: id, action: "move", field: "stage",
                                    from: nil, to: item.stage))
            }
        }
        return out
    }
}
