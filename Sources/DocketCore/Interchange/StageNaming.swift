/// Turns another tool's list or status names into Docket stages: a kind guessed from the name,
/// and a stable id made from it. Used by the importers.
public enum StageNaming {
    /// Words (English, whole words, any case) and phrases (Japanese, anywhere in the name)
    /// that mark a stage kind.
    static let doneWords: Set<String> = ["done", "closed", "complete", "completed", "finished", "shipped", "released"]
    static let donePhrases = ["完了", "クローズ", "終了", "済み"]
    static let doingWords: Set<String> = ["doing", "progress", "wip", "review", "qa", "testing", "merge"]
    static let doingPhrases = ["作業中", "進行中", "対応中", "レビュー"]
    static let inboxWords: Set<String> = ["inbox", "backlog", "triage", "icebox"]
    static let inboxPhrases = ["受信", "バックログ"]

    /// The kind a stage called `name` most likely has:
    /// - `.done` when the name says done, closed, complete(d), finished, shipped, released,
    ///   完了, クローズ, 終了 or 済み;
    /// - else `.doing` for doing, (in) progress, WIP, review, QA, testing, merge, 作業中,
    ///   進行中, 対応中 or レビュー;
    /// - else `.inbox` only for the first stage (`isFirst`) when it says inbox, backlog,
    ///   triage, icebox, 受信 or バックログ;
    /// - else `.todo`.
    /// English words match whole words in any case ("In Progress", "Ready for QA"), so
    /// "Doneness" or "aqua" do not count.
    public static func kind(forName name: String, isFirst: Bool) -> StageKind {
        let words = Set(name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
        func says(_ w: Set<String>, _ phrases: [String]) -> Bool {
            !words.isDisjoint(with: w) || phrases.contains(where: { name.contains($0) })
        }
        if says(doneWords, donePhrases) { return .done }
        if says(doingWords, doingPhrases) { return .doing }
        if isFirst, says(inboxWords, inboxPhrases) { return .inbox }
        return .todo
    }

    /// A stage id for `name` that is not in `taken`: the name in lower case with every run of
    /// characters other than letters and digits turned into one `-` ("Backlog/Future Work" →
    /// `backlog-future-work`; letters of any script are kept: "作業中" → `作業中`), `stage`
    /// when nothing is left, then `-2`, `-3`… until it is free.
    public static func id(forName name: String, avoiding taken: Set<String>) -> String {
        var slug = ""
        for c in name.lowercased() {
            if c.isLetter || c.isNumber { slug.append(c) } else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "stage" }
        var candidate = slug
        var n = 2
        while taken.contains(candidate) { candidate = "\(slug)-\(n)"; n += 1 }
        return candidate
    }
}
