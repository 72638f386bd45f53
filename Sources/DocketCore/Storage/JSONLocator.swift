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
        return lineAndColumn(ofByte: i, in: b)
    }

    /// Where and why `data` is not valid JSON, as `JSONSerialization` reports it: a reason
    /// ("Invalid value", "Unexpected end of file") and the 1-based line and column of the
    /// byte it stopped at. Nil when the text parses. Used when `JSONDecoder`'s error carries
    /// no position (swift-corelibs-foundation says only "The given data was not valid JSON").
    static func syntaxError(in data: Data) -> (line: Int, column: Int, reason: String)? {
        let text: String
        do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]); return nil } catch {
            text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
        let b = [UInt8](data)
        var offset = b.count
        if let r = text.range(of: #"around (line \d+, column \d+|character \d+)"#, options: .regularExpression) {
            let nums = text[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if nums.count == 2 { return (nums[0], nums[1], reason(text, before: r.lowerBound)) }
            if let n = nums.first { offset = min(n, b.count) }
            let (line, column) = lineAndColumn(ofByte: offset, in: b)
            return (line, column, reason(text, before: r.lowerBound))
        }
        let (line, column) = lineAndColumn(ofByte: offset, in: b)
        return (line, column, reason(text, before: text.endIndex))
    }

    private static func reason(_ text: String, before end: String.Index) -> String {
        var r = text[..<end].trimmingCharacters(in: .whitespaces)
        while r.hasSuffix(".") { r.removeLast() }
        return r.replacingOccurrences(of: " during JSON parse", with: "")
    }

    /// 1-based line and column (in characters) of byte `offset` of `b`.
    private static func lineAndColumn(ofByte offset: Int, in b: [UInt8]) -> (Int, Int) {
        let end = min(offset, b.count)
        var line = 1, lineStart = 0
        for k in 0..<end where b[k] == 10 { line += 1; lineStart = k + 1 }
        let column = String(decoding: b[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }
}
