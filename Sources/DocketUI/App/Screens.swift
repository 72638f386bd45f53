/// Every screen of the app, in the order help and `docket keys` list them. A new screen is
/// one folder under `Screens/` and one line here.
public enum Screens {
    public static let all: [any Feature.Type] = [
        BoardScreen.self,
        BacklogScreen.self,
        DetailScreen.self,
        TriageScreen.self,
        PromptScreen.self,
        SearchScreen.self,
        FilterScreen.self,
        SavedFiltersScreen.self,
        PaletteScreen.self,
        HelpScreen.self,
        StandupScreen.self,
        MetricsScreen.self,
        ArchiveScreen.self,
        StageScreen.self,
        GoalsScreen.self,
        FeedbackInboxScreen.self,
        ReleasesScreen.self, ReleaseItemsScreen.self, RoadmapScreen.self, ConfirmMoveScreen.self,
    ]

    /// The built-in keymaps: the global keys, the line editor's, then every screen's.
    public static var defaultTables: [KeyTable] {
        [GlobalKeys.table, EditorKeys.table] + all.map { $0.defaultTable }
    }
}
