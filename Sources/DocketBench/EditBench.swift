import DocketCore
import Foundation

/// `DocketBench --edits N`: one edit at a time on a seeded generated board of `N` items held
/// by nothing else (as `docket add`, `set` and `move` hold it once read): `addItem` at the
/// bottom of Ready, `modify` of a title, `move` to the next stage and back, and finding an
/// item by its full id and by a 5-character prefix (`item(matching:)`). Medians of 201 runs,
/// in microseconds, to see which of them does work proportional to the board.
func editBenchmark(items count: Int) throws {
    var board = GeneratedBoard.make(count: count)
    let ready = board.column("ready"), ids = board.items.keys.sorted()
    func median(_ name: String, _ body: (Int) throws -> Void) rethrows {
        var times: [Double] = []
        for k in 0..<201 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body(k)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3)
        }
        times.sort()
        print("  " + name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%10.1f µs", times[100]))
    }
    print("one edit on a board of \(count) items (Ready: \(ready.count), Done: \(board.column("done").count)); median of 201")
    try median("addItem (Ready, bottom)") { k in _ = try board.addItem(title: "New \(k)", stage: "ready", by: "bench", at: 2) }
    try median("modify (title)") { k in _ = try board.modify(ready[k], by: "bench", at: 3) { $0.title = "Retitled \(k)" } }
    try median("move Ready → In progress") { k in _ = try board.move(ready[k], toStage: "doing", by: "bench", at: 4) }
    try median("move back") { k in _ = try board.move(ready[k], toStage: "ready", by: "bench", at: 5) }
    try median("move Done → Review") { k in _ = try board.move(board.column("done")[k], toStage: "review", by: "bench", at: 6) }
    try median("item(matching:) full id") { k in _ = try board.item(matching: ids[k * 7]) }
    median("  of which: every id (items.keys)") { _ in _ = board.items.keys.count }
    median("  of which: hasPrefix over the ids") { k in let q = String(ids[k * 7].prefix(5)); _ = ids.filter { $0.hasPrefix(q) }.count }
    median("  a UTF-8 prefix test over the ids") { k in let q = String(ids[k * 7].prefix(5)); _ = ids.filter { $0.utf8.starts(with: q.utf8) }.count }
    median("item(matching:) 5-character prefix") { k in _ = try? board.item(matching: String(ids[k * 7].prefix(5))) }
}
