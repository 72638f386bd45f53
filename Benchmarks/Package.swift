// swift-tools-version:6.1
// Docket's benchmarks (ordo-one/benchmark), a package of their own so that `swift build` and
// `swift test` of Docket never build the benchmark tooling. Run from this folder:
//   swift package benchmark                      (all; add --filter 'load.*' for some)
// See the README's "Performance" section.
import Foundation
import PackageDescription

// The Docket package is the folder above; a path dependency is named after its folder.
let docket = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "DocketBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: docket.path),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "DocketBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DocketCore", package: docket.lastPathComponent),
                .product(name: "DocketUI", package: docket.lastPathComponent),
            ],
            path: "Benchmarks/DocketBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
