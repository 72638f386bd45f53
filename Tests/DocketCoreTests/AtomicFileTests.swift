import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport
#if canImport(Glibc)
import Glibc
#endif

final class AtomicFileTests: XCTestCase {
    func testWritesTheBytesAndLeavesNoTempFile() throws {
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("docket.json")
        try AtomicFile.write(Array("first".utf8), to: url)
        try AtomicFile.write(Array("second, longer".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second, longer")
        XCTAssertEqual(try files(in: folder), ["docket.json"])
    }

    /// A save killed after its backup and before its rename leaves `.bak` a link of the board's
    /// own file; the next save's backup (a rename of a new link onto it, which does nothing)
    /// must not leave its staged link behind (it did: SafeSaveEndToEndTests found it).
    func testABackupThatIsAlreadyTheFileLeavesNoTempFile() throws {
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("docket.json")
        try AtomicFile.write(Array("first".utf8), to: url)
        XCTAssertEqual(link(url.path, folder.appendingPathComponent("docket.json.bak").path), 0)
        try AtomicFile.write(Array("second".utf8), to: url, backup: true)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try String(contentsOf: AtomicFile.backupURL(of: url), encoding: .utf8), "first")
        XCTAssertEqual(try files(in: folder), ["docket.json", "docket.json.bak"])
    }

    func testKeepsTheFilesPermissions() throws {
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("docket.json")
        try AtomicFile.write(Array("a".utf8), to: url)
        XCTAssertEqual(chmod(url.path, 0o600), 0)
        try AtomicFile.write(Array("b".utf8), to: url)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o600)
    }

    func testWritesThroughASymlink() throws {
        let folder = try makeTempFolder(self)
        let real = folder.appendingPathComponent("real.json")
        let link = folder.appendingPathComponent("docket.json")
        try AtomicFile.write(Array("old".utf8), to: real)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try AtomicFile.write(Array("new".utf8), to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path)
        XCTAssertEqual(try String(contentsOf: real, encoding: .utf8), "new")
    }

    func testReadOnlyFolderKeepsTheOldFile() throws {
        try XCTSkipIf(geteuid() == 0, "root ignores folder permissions; testFailedWriteKeepsTheOldFile covers this case")
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("docket.json")
        try AtomicFile.write(Array("old".utf8), to: url)
        XCTAssertEqual(chmod(folder.path, 0o555), 0)
        defer { chmod(folder.path, 0o755) }
        XCTAssertThrowsError(try AtomicFile.write(Array("new".utf8), to: url)) {
            XCTAssertTrue("\($0)".contains(folder.path), "\($0)")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old")
        XCTAssertEqual(try files(in: folder), ["docket.json"])
    }

    /// A write that fails half-way (here: over the process's file-size limit, as on a full
    /// disk) throws, leaves the old file whole and removes its temporary file. Works as root.
    func testFailedWriteKeepsTheOldFile() throws {
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("docket.json")
        let old = Array(repeating: UInt8(ascii: "o"), count: 1_000)
        try AtomicFile.write(old, to: url)
        var thrown: Error?
        withFileSizeLimit(64 * 1024) {
            do { try AtomicFile.write(Array(repeating: UInt8(ascii: "n"), count: 200_000), to: url) } catch { thrown = error }
        }

        let error = try XCTUnwrap(thrown as? BoardStoreError, "the write over the limit must fail")
        XCTAssertTrue(error.description.contains("cannot write"), error.description)
        XCTAssertEqual([UInt8](try Data(contentsOf: url)), old)
        XCTAssertEqual(try files(in: folder), ["docket.json"])
    }

    func testMissingFolderIsReported() throws {
        let folder = try makeTempFolder(self)
        let url = folder.appendingPathComponent("gone/docket.json")
        XCTAssertThrowsError(try AtomicFile.write(Array("x".utf8), to: url)) {
            XCTAssertTrue(($0 as? BoardStoreError)?.description.contains("cannot create a file") == true, "\($0)")
        }
    }

    /// The hash of bytes given in pieces is the hash of the bytes whole, however they are cut.
    func testTheHashOfPiecesIsTheHashOfTheWhole() {
        var rng = SeededGenerator(seed: 99)
        for round in 0..<200 {
            let bytes = (0..<rng.below(300)).map { _ in UInt8(rng.below(256)) }
            var cuts = (0..<rng.below(6)).map { _ in rng.below(bytes.count + 1) }.sorted()
            cuts = [0] + cuts + [bytes.count]
            var hasher = ContentHasher()
            bytes.withUnsafeBytes { raw in
                for (a, b) in zip(cuts, cuts.dropFirst()) { hasher.add(UnsafeRawBufferPointer(rebasing: raw[a..<b])) }
            }
            XCTAssertEqual(hasher.value, ContentHash.of(bytes), "round \(round), cuts \(cuts)")
        }
        XCTAssertNotEqual(ContentHash.of([1, 2, 3]), ContentHash.of([1, 2, 3, 0]), "the length counts")
    }
}
