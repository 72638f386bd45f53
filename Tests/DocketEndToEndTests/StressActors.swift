import DocketCore
import DocketUI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An open board in the stress test, driven through `update` as the runtime loop
/// (`RuntimeLoop`) drives it: keys go through `update`, `.save` effects go to a `BoardSaver`
/// whose write is a `MergingWriter`, and between keys it does what the loop does when the
/// file changes (save, which merges) and sends the writer's merges as `Event.boardMerged`.
/// Only the screen and the folder watch are missing. It changes only items it created, so what each of them must end up as is known.
final class StressSession: @unchecked Sendable {
    let name: String
    let url: URL
    private var state: AppState
    private let writer: MergingWriter
    private let saver: BoardSaver
    private var rng: SeededGenerator
    private var counter = 0
    /// Changes attempted, and merges taken in from the writer.
    var steps: Int { counter }
    private(set) var mergesTaken = 0
    /// Every activity entry this session's own keys logged (what the file must hold once).
    private(set) var logged: [Activity] = []
    /// Ids of the items this session created.
    private(set) var mine: [String] = []

    init(name: String, url: URL, seed: UInt64) throws {
        self.name = name
        self.url = url
        let loaded = try BoardStore.load(url).board
        state = AppState(board: loaded, user: name, fileLabel: url.lastPathComponent, size: Size(width: 120, height: 40))
        writer = MergingWriter(base: loaded, url: url, user: name)
        let w = writer
        saver = BoardSaver(url: url) { board, url in try w.write(board, to: url) }
        rng = SeededGenerator(seed: seed)
    }

    private var now: Timestamp { Timestamp(Date().timeIntervalSince1970) }

    /// What the app's loop does between keys: save when the file changed elsewhere, and take
    /// the writer's merges into the board on screen.
    func sync() {
        let st = saver.status()
        if (st.isClean || st.error != nil) && writer.fileChanged(saver.url) { saver.submit(state.board) }
        else if st.error != nil { saver.retryFailed() }
        for merge in writer.takeMerges() { takeIn(merge) }
    }

    /// A merge from the writer, through `update` as the runtime sends it.
    private func takeIn(_ merge: MergingWriter.Merge) {
        _ = update(&state, .boardMerged(merge), now: now)
        mergesTaken += 1
    }

    /// Feeds `events` through `update`, submitting the board on each `.save`, and records the
    /// entries they logged.
    private func press(_ events: [Event]) {
        let before = state.board.activity.count
        for event in events {
            for effect in update(&state, event, now: now) where effect == .save { saver.submit(state.board) }
        }
        logged += state.board.activity.dropFirst(before)
    }

    /// Selects one of this session's open items; nil when it has none.
    private func selectOwnItem() -> String? {
        let open = mine.filter { state.board.items[$0].map { !$0.archived } ?? false }
        guard !open.isEmpty else { return nil }
        let id = open[rng.below(open.count)]
        state.select(itemID: id)
        return state.selectedItemID == id ? id : nil
    }

    /// One random change: add (in the selected stage), move left or right, rank up or down,
    /// rename, archive.
    func step() {
        counter += 1
        let roll = rng.below(100)
        if roll < 35 || selectOwnItem() == nil {
            if rng.below(2) == 0 { _ = selectOwnItem() }
            let before = Set(state.board.items.keys)
            press([.key(.char("a")), .paste("\(name)-\(counter)"), .key(.enter), .key(.escape)])
            mine += state.board.items.keys.filter { !before.contains($0) && state.board.items[$0]?.title == "\(name)-\(counter)" }
        } else if roll < 55 {
            press([.key(.char(rng.below(2) == 0 ? "L" : "H"))])
        } else if roll < 75 {
            press([.key(.char(rng.below(2) == 0 ? "K" : "J"))])
        } else if roll < 90 {
            press([.key(.char("e")), .key(.ctrl("u")), .paste("\(name)-\(counter) renamed"), .key(.enter)])
        } else {
            press([.key(.char("d"))])
        }
    }

    /// Saves until the file holds everything of this session and nothing new came in.
    func finish() {
        for _ in 0..<200 {
            sync()
            let st = saver.flush()
            let merges = writer.takeMerges()
            for merge in merges { takeIn(merge) }
            if st.isClean && merges.isEmpty && !writer.fileChanged(saver.url) { return }
        }
    }

    /// The save error, if the last save failed.
    var saveError: String? { saver.status().error }

    /// This session's items as it sees them now.
    var items: [String: Item] {
        Dictionary(uniqueKeysWithValues: mine.compactMap { id in state.board.items[id].map { (id, $0) } })
    }
}

/// A `docket` command-line writer in the stress test: runs the real binary to add items,
/// move them and rename them, each on its own items, and remembers what each must end up as
/// and which entries it must have logged (by item, action, field, values; the time is the
/// binary's).
final class StressCLIWriter: @unchecked Sendable {
    struct Expected { var title: String; var stage: String }
    struct Entry: Hashable { var item: String?; var action: String; var field: String?; var from: String?; var to: String? }

    let name: String
    let url: URL
    private let docket: URL
    private let environment: [String: String]
    private let folder: URL
    private var rng: SeededGenerator
    private var counter = 0
    var steps: Int { counter }
    private(set) var expected: [String: Expected] = [:]
    private(set) var entries: [Entry] = []
    private(set) var failures: [String] = []
    private static let stages = ["inbox", "ideas", "ready", "doing", "review", "done"]

    init(name: String, url: URL, docket: URL, environment: [String: String], seed: UInt64) {
        self.name = name; self.url = url; self.docket = docket; self.folder = url.deletingLastPathComponent()
        var env = environment
        env["DOCKET_USER"] = name
        self.environment = env
        rng = SeededGenerator(seed: seed)
    }

    private func run(_ args: [String]) -> String? {
        guard let r = try? runProcess(docket, args + ["-b", url.path], environment: environment, currentDirectory: folder) else {
            failures.append("cannot start docket \(args)"); return nil
        }
        guard r.status == 0 else { failures.append("docket \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)"); return nil }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One random change: add, move to another stage, rename.
    func step() {
        counter += 1
        let ids = expected.keys.sorted()
        let roll = rng.below(100)
        if roll < 45 || ids.isEmpty {
            let title = "\(name)-\(counter)"
            guard let id = run(["add", title]) else { return }
            expected[id] = Expected(title: title, stage: "inbox")
            entries.append(Entry(item: id, action: "create", field: nil, from: nil, to: title))
        } else if roll < 75 {
            let id = ids[rng.below(ids.count)]
            let from = expected[id]!.stage
            let others = StressCLIWriter.stages.filter { $0 != from }
            let to = others[rng.below(others.count)]
            guard run(["move", id, to]) != nil else { return }
            expected[id]!.stage = to
            entries.append(Entry(item: id, action: "move", field: "stage", from: from, to: to))
        } else {
            let id = ids[rng.below(ids.count)]
            let title = "\(name)-\(counter) renamed"
            guard run(["set", id, "title=\(title)"]) != nil else { return }
            entries.append(Entry(item: id, action: "edit", field: "title", from: expected[id]!.title, to: title))
            expected[id]!.title = title
        }
    }
}
