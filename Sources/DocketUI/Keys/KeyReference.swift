/// The keymaps as Markdown tables, one per screen (`docket keys --markdown`, and the README's
/// key tables, which a test keeps equal to this).
public enum KeyReference {
    public static func markdown(_ keymaps: Keymaps) -> String {
        var out: [String] = []
        for table in keymaps.ordered {
            let title = table.screen == GlobalKeys.id ? "Everywhere" : table.screen == EditorKeys.id ? "In any text field"
                : Screens.all.first { $0.id == table.screen }?.title ?? table.screen
            let rows = table.actions.compactMap { a -> String? in
                let keys = table.keys(for: a.name)
                guard !keys.isEmpty else { return nil }
                let shown = keys.map { "`" + ($0 == .char("`") ? "` ` `" : $0.label).replacingOccurrences(of: "|", with: "\\|") + "`" }
                return "| " + shown.joined(separator: " ") + " | " + a.name + " | " + a.summary.replacingOccurrences(of: "|", with: "\\|") + " |"
            }
            guard !rows.isEmpty else { continue }
            out.append("#### \(title) (`[\(table.screen)]`)\n\n| keys | action | what it does |\n| --- | --- | --- |\n" + rows.joined(separator: "\n"))
        }
        return out.joined(separator: "\n\n") + "\n"
    }
}
