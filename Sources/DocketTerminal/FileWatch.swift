import DocketCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changes of the board file without waking up periodically: inotify on Linux and
/// kqueue on macOS watch the file's FOLDER (a `git pull` or another Docket replaces the file
/// by a rename, which a watch on the file itself would miss). Where neither can be set up,
/// it falls back to asking every `fallbackInterval` milliseconds (the loop then stats the file).
final class FileWatch {
    /// The fd to poll (readable when something changed), nil in the fallback.
    let fd: Int32?
    /// Milliseconds between checks when there is no fd to poll; nil when there is one.
    let fallbackInterval: Int?
    /// The file's name in its folder (events for other names are ignored).
    private let name: String
    /// The file's path (the target of its symlinks).
    private let path: String
    #if canImport(Darwin)
    private var watched: [Int32] = []
    #endif

    /// Watches `url` (through its symlinks, as saves write the link's target).
    init(file url: URL) {
        let target = AtomicFile.linkTarget(of: url)
        name = target.lastPathComponent
        path = target.path
        let folder = target.deletingLastPathComponent().path
        #if os(Linux)
        let inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        if inotify >= 0, inotify_add_watch(inotify, folder, mask) >= 0 {
            fd = inotify; fallbackInterval = nil
        } else {
            if inotify >= 0 { close(inotify) }
            fd = nil; fallbackInterval = FileWatch.slowInterval
        }
        #elseif canImport(Darwin)
        let queue = kqueue()
        let dir = open(folder, O_EVTONLY)
        if queue >= 0, dir >= 0 {
            fd = queue; fallbackInterval = nil
            watched = [dir]
            FileWatch.register(dir, in: queue)
            let file = open(target.path, O_EVTONLY)
            if file >= 0 { watched.append(file); FileWatch.register(file, in: queue) }
        } else {
            if queue >= 0 { close(queue) }
            if dir >= 0 { close(dir) }
            fd = nil; fallbackInterval = FileWatch.slowInterval
        }
        #else
        fd = nil; fallbackInterval = FileWatch.slowInterval
        #endif
    }

    /// How often the fallback checks, in milliseconds.
    static let slowInterval = 2_000

    /// Reads the pending notifications; true when one may concern the board file (always true
    /// in the fallback: the caller compares the file's stamp).
    func changed() -> Bool {
        guard let fd else { return true }
        #if os(Linux)
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return relevant }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= n {
                let (mask, length) = buffer.withUnsafeBytes { raw -> (UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(n, offset + header + length)].prefix { $0 != 0 }
                let eventName = String(decoding: nameBytes, as: UTF8.self)
                // The folder itself went away or moved (length 0), or the board file changed.
                if eventName == name || (length == 0 && mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0) { relevant = true }
                offset += header + length
            }
        }
        #elseif canImport(Darwin)
        var events = [kevent](repeating: kevent(), count: 8)
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        let n = kevent(fd, nil, 0, &events, Int32(events.count), &zero)
        guard n > 0 else { return false }
        // The file may have been replaced: watch the new one.
        if watched.count > 1 { close(watched.removeLast()) }
        let file = open(path, O_EVTONLY)
        if file >= 0 { watched.append(file); FileWatch.register(file, in: fd) }
        return true
        #else
        return true
        #endif
    }

    #if canImport(Darwin)
    private static func register(_ watched: Int32, in queue: Int32) {
        var change = kevent(ident: UInt(watched), filter: Int16(EVFILT_VNODE), flags: UInt16(EV_ADD | EV_CLEAR),
                            fflags: UInt32(NOTE_WRITE | NOTE_EXTEND | NOTE_ATTRIB | NOTE_DELETE | NOTE_RENAME),
                            data: 0, udata: nil)
        _ = kevent(queue, &change, 1, nil, 0, nil)
    }
    #endif

    deinit {
        if let fd { close(fd) }
        #if canImport(Darwin)
        for w in watched { close(w) }
        #endif
    }
}
