// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Docket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        // For Benchmarks/ (a package of its own).
        .library(name: "DocketCore", targets: ["DocketCore"]),
        .library(name: "DocketUI", targets: ["DocketUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses",
                       providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        // sync_file_range, which the Glibc module does not declare (AtomicFile's writes).
        .systemLibrary(name: "CFileSync", path: "Sources/CFileSync"),
        .target(name: "DocketCore", dependencies: ["CFileSync", .product(name: "CSV", package: "CSV.swift"), .product(name: "Plot", package: "Plot")],
                path: "Sources/DocketCore"),
        .target(name: "DocketUI",
                dependencies: ["DocketCore", .product(name: "TOMLKit", package: "TOMLKit")],
                path: "Sources/DocketUI"),
        .target(name: "DocketTerminal", dependencies: ["DocketUI", "DocketCore", "CNcurses"],
                path: "Sources/DocketTerminal"),
        .executableTarget(name: "docket",
                          dependencies: ["DocketCore", "DocketUI", "DocketTerminal",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "CSV", package: "CSV.swift")],
                          path: "Sources/docket"),
        .executableTarget(name: "DocketBench", dependencies: ["DocketCore", "DocketUI"],
                          path: "Sources/DocketBench"),
        .target(name: "DocketTestSupport", dependencies: ["DocketCore"], path: "Tests/DocketTestSupport"),
        .testTarget(name: "DocketCoreTests", dependencies: ["DocketCore", "DocketTestSupport", .product(name: "CSV", package: "CSV.swift")],
                    path: "Tests/DocketCoreTests", resources: [.copy("Fixtures")]),
        .testTarget(name: "DocketUITests", dependencies: ["DocketUI", "DocketCore", "DocketTestSupport"],
                    path: "Tests/DocketUITests", exclude: ["Goldens"]),
        .testTarget(name: "DocketEndToEndTests", dependencies: ["DocketCore", "DocketUI"],
                    path: "Tests/DocketEndToEndTests"),
    ]
)
