/// The bytes of a board spliced into its file (`BoardSplice`), kept as runs instead of one
/// buffer: long stretches of the file (unchanged item lines, the activity log) by their byte
/// range in it, everything else (the header, changed items, new entries, separators and short
/// copies) as text of its own. Written run by run (`AtomicFile.write(pieces:)`), a splice of a
/// 41 MB file never makes a second 41 MB buffer; `joined` gives the bytes whole.
struct SplicedBytes {
    /// One run: bytes of the file, or bytes of `text`.
    enum Run: Equatable {
        case file(Range<Int>)
        case text(Range<Int>)
    }

    /// Copies of the file shorter than this are made into `text` (fewer, larger runs).
    static let referenceMinimum = 64 * 1024

    /// This splice's `referenceMinimum` (tests refer to every copy).
    let referenceMinimum: Int

    /// The runs, in order.
    private(set) var runs: [Run] = []
    /// The bytes of the `.text` runs (append to it through the encoders; `copy` for the file's).
    var text = JSONText()
    /// Where the run of `text` not yet closed starts.
    private var open = 0

    init(capacity: Int = 0, referenceMinimum: Int = Self.referenceMinimum) {
        text = JSONText(capacity: capacity)
        self.referenceMinimum = referenceMinimum
    }

    /// Appends the bytes of `file` in `range`: referred to when long, copied when short.
    mutating func copy(_ range: Range<Int>, of file: UnsafeBufferPointer<UInt8>) {
        guard range.count >= referenceMinimum else {
            text.raw(bytes: UnsafeBufferPointer(rebasing: file[range]))
            return
        }
        refer(range)
    }

    /// Appends the file's bytes in `range` as a run that refers to them, however short.
    mutating func refer(_ range: Range<Int>) {
        close()
        runs.append(.file(range))
    }

    /// Ends the open run of `text`; called before the runs are read.
    mutating func close() {
        let end = text.bytes.count
        if end > open { runs.append(.text(open..<end)) }
        open = end
    }

    /// How many bytes the runs hold (after `close`).
    var count: Int {
        runs.reduce(0) { n, run in
            switch run { case .file(let r), .text(let r): n + r.count }
        }
    }

    /// `body` given each run's bytes in order, `file` being the file the ranges refer to (after `close`).
    func withPieces<R>(of file: UnsafeBufferPointer<UInt8>, _ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try text.bytes.withUnsafeBytes { own in
            let whole = UnsafeRawBufferPointer(file)
            let pieces = runs.map { run -> UnsafeRawBufferPointer in
                switch run {
                case .file(let r): UnsafeRawBufferPointer(rebasing: whole[r])
                case .text(let r): UnsafeRawBufferPointer(rebasing: own[r])
                }
            }
            return try body(pieces)
        }
    }

    /// `body` given the runs as pieces to write (after `close`): the file's as ranges of the
    /// file open as `fd`, copied by the kernel (`AtomicFile.write(pieces:)`), the rest as bytes.
    func withFilePieces<R>(fd: Int32, _ body: ([AtomicFile.Piece]) throws -> R) rethrows -> R {
        try text.bytes.withUnsafeBytes { own in
            try body(runs.map { run in
                switch run {
                case .file(let r): .file(fd, r)
                case .text(let r): .bytes(UnsafeRawBufferPointer(rebasing: own[r]))
                }
            })
        }
    }

    /// The bytes whole (after `close`).
    func joined(_ file: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        withPieces(of: file) { pieces in
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for p in pieces { out.append(contentsOf: p) }
            return out
        }
    }
}
