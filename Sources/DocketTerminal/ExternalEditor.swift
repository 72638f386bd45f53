import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Edits text in the user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, run through
/// `/bin/sh -c` so editors given with arguments (`code -w`) work. The text goes through a
/// temporary file. Throws `TerminalError` when the editor cannot start or exits non-zero.
enum ExternalEditor {
    static func edit(_ text: String, name: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).md")
        try Data((text.isEmpty || text.hasSuffix("\n") ? text : text + "\n").utf8).write(to: file)

        let args = ["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path]
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw TerminalError(description: "cannot start \(editor): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else { throw TerminalError(description: "\(editor) exited with status \(exited ? code : 128 + (status & 0x7f)); description unchanged") }
        var result = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
