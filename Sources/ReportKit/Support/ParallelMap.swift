import Foundation

extension Array where Element: Sendable {
    /// `map` run on all cores; results keep the input order.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        defer { slots.release() }
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        let total = count
        self.withUnsafeBufferPointer { buffer in
            nonisolated(unsafe) let input = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<Swift.min(total, (c + 1) * chunk) { slots.set(i, transform(input[i])) }
            }
        }
        return slots.values()
    }
}

/// Write-once slots filled from several threads, each index by exactly one of them.
private final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) { (base + index).initialize(to: value) }

    /// Moves the values out; call once, after every slot is set.
    func values() -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base, count: count)
            initialized = count
        }
    }

    func release() { base.deallocate() }
}

/// Runs `other` on another thread while `body` runs on this one, and returns both results once
/// both are done. For two independent pieces of work that each have serial parts (a multilingual
/// site's editions): one core would otherwise idle through them. Work inside either may use
/// `parallelMap` at full width (`other` is not nested in a `concurrentPerform`).
func alongside<A, B: Sendable>(_ body: () -> A, _ other: @escaping @Sendable () -> B) -> (A, B) {
    let slot = ResultSlots<B>(count: 1)
    defer { slot.release() }
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.set(0, other()) }
    let first = body()
    group.wait()
    return (first, slot.values()[0])
}
