import Foundation
import ReportKit

extension PreviewServer {
    /// Writes the files made from every page (search index, whole report) that the last rebuild
    /// left out, on a background-priority queue, and returns the paths whose bytes changed.
    ///
    /// They take long on a large site and run on every core (`parallelMap`): run at the
    /// server's own priority they would hold the threads that send the reload event just
    /// announced (at 100,000 pages the event then waited for the search index, about half a
    /// second). The builder is moved to the queue and back, so its state is not copied.
    func writeWholeSiteFiles() async throws(DiagnosticList) -> [String] {
        let box = BuilderBox(builder)
        builder = IncrementalBuilder(options: configuration.options) // a placeholder while it is away
        let outcome: Result<[String], DiagnosticList> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .background).async {
                var moved = box.take()
                let outcome = Result { () throws(DiagnosticList) in try moved.writeWholeSiteFiles() }
                box.put(moved)
                continuation.resume(returning: outcome)
            }
        }
        builder = box.take()
        return try outcome.get()
    }
}

/// Hands the builder to another thread and back without a second reference to its state (which
/// would make its first change copy it).
private final class BuilderBox: @unchecked Sendable {
    private var builder: IncrementalBuilder?

    init(_ builder: IncrementalBuilder) { self.builder = builder }

    /// The builder, leaving the box empty. Called by one thread at a time (the queue, then the server).
    func take() -> IncrementalBuilder {
        defer { builder = nil }
        return builder!
    }

    func put(_ builder: IncrementalBuilder) { self.builder = builder }
}
