import Foundation

#if FUZZING
/// libFuzzer's entry point for programs that keep their own `main` (the Swift `@main` of each
/// fuzz target), linked in by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// The `main` of every fuzz target. Built with `-sanitize=fuzzer -DFUZZING` (`make fuzz`): hands
/// `callback` to libFuzzer. Otherwise: runs each file given as an argument through `replay` and
/// prints what it gave (crash reproduction, `swift run FuzzCSV FILE...`).
public func runFuzzTarget(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt, replay: ([UInt8]) -> String) -> Never {
    #if FUZZING
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    #else
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        print("\(path): \(replay([UInt8](data)))")
    }
    exit(0)
    #endif
}
