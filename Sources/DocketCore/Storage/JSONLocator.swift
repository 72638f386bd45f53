import Foundation

/// Finds where, in JSON text, the value at a coding path starts (1-based line and column),
/// so a field of the wrong type is reported at its place in the file. Assumes the text is
/// syntactically valid JSON (it is called after a successful parse found a wrong value).
enum JSONLocator {
    static func position(of path: [CodingKey], in data: Data) -> (Int, Int)? {
        let b = [UInt8](data)
        var i = 0
        func ws() { while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 } }
        func skipString() { i += 1; while i < b.count, b[i] != 34 { if b[i] == 92 { i += 1 }; i += 1 }; i += 1 }
        func readString() -> String {
            let start = i + 1; skipString()
            let raw = Data(b[start..<max(start, i - 1)])
            return (try? JSONDecoder().decode(String.self, from: Data([34]) + raw + Data([34]))) ?? String(decoding: raw, as: UTF8.self)
        }
        func skipValue() {
            ws()
            guard i < b.count else { return }
            if b[i] == 34 { skipString(); return }
            if b[i] == 123 || b[i] == 91 {
                var depth = 0
                repeat {
                    if b[i] == 34 { skipString(); continue }
                    if b[i] == 123 || b[i] == 91 { depth += 1 }
                    if b[i] == 125 || b[i] == 93 { depth -= 1 }
                    i += 1
                } while i < b.count && depth > 0
                return
            }
            while i < b.count, !(b[i] == 44 || b[i] == 125 || b[i] == 93 || b[i] == 32 || b[i] == 10 || b[i] == 13) { i += 1 }
        }
        for key in path {
            ws()
            guard i < b.count else { return nil }
            if let index = key.intValue {
                guard b[i] == 91 else { return nil }
                i += 1
                for _ in 0..<index { skipValue(); ws(); guard i < b.count, b[i] == 44 else { return nil }; i += 1 }
            } else {
                guard b[i] == 123 else { return nil }
                i += 1
                var found = false
                while !found {
                    ws()
                    guard i < b.count, b[i] == 34 else { return nil }
                    let name = readString()
                    ws(); guard i < b.count, b[i] == 58 else { return nil }; i += 1
                    if name == key.stringValue { found = true } else {
                        skipValue(); ws()
                        guard i < b.count, b[i] == 44 else { return nil }
                        i += 1
                    }
                }
            }
        }
        ws()
        var line = 1, lineStart = 0
        for k in 0..<min(i, b.count) where b[k] == 10 { line += 1; lineStart = k + 1 }
        let column = String(decoding: b[lineStart..<min(i, b.count)], as: UTF8.self).count + 1
        return (line, column)
    }
}
