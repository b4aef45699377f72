import Foundation

/// Every posting of the wanted term shards in one flat array, grouped by shard and in page order
/// within a shard: a counting sort, both of whose passes (count per chunk of pages, then place)
/// run in parallel. Eight bytes a posting and no per-shard arrays, so a 100,000-page site's
/// postings fit in one allocation.
struct ShardedPostings: Sendable {
    private let postings: [SearchShards.Posting]
    /// Shard `s` holds `postings[starts[s]..<starts[s + 1]]`.
    private let starts: [Int]

    init(_ documents: [SearchDocument], shardCount: Int, wanted: [Bool]) {
        let isPowerOfTwo = shardCount & (shardCount - 1) == 0
        let mask = UInt32(truncatingIfNeeded: shardCount - 1)
        let divisor = UInt32(shardCount)
        @Sendable func shard(_ hash: UInt32) -> Int { Int(isPowerOfTwo ? hash & mask : hash % divisor) }

        let chunkSize = max(64, documents.count / 64)
        let chunks = (0..<((documents.count + chunkSize - 1) / chunkSize)).map { ($0 * chunkSize)..<min(documents.count, ($0 + 1) * chunkSize) }
        // Pass 1: postings per shard in each chunk of pages.
        let counts = chunks.parallelMap { pages -> [Int] in
            var counts = [Int](repeating: 0, count: shardCount)
            for page in pages {
                for hash in documents[page].keyHashes {
                    let shard = shard(hash)
                    if wanted[shard] { counts[shard] += 1 }
                }
            }
            return counts
        }
        // Where each chunk's postings of each shard go: shard by shard, chunks (pages) in order.
        var offsets = [[Int]](repeating: [Int](repeating: 0, count: shardCount), count: chunks.count)
        var starts = [Int](repeating: 0, count: shardCount + 1)
        var total = 0
        for shard in 0..<shardCount {
            starts[shard] = total
            for chunk in chunks.indices {
                offsets[chunk][shard] = total
                total += counts[chunk][shard]
            }
        }
        starts[shardCount] = total
        // Pass 2: each chunk writes its postings at its own offsets (disjoint ranges).
        let chunkOffsets = offsets
        postings = [SearchShards.Posting](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
                var next = chunkOffsets[chunk]
                for page in chunks[chunk] {
                    for (number, hash) in documents[page].keyHashes.enumerated() {
                        let shard = shard(hash)
                        guard wanted[shard] else { continue }
                        (target.baseAddress! + next[shard]).initialize(to: SearchShards.Posting(page: Int32(page), term: Int32(number)))
                        next[shard] += 1
                    }
                }
            }
            initialized = total
        }
        self.starts = starts
    }

    /// The postings of term shard `shard`, in page order.
    func postings(ofShard shard: Int) -> ArraySlice<SearchShards.Posting> {
        postings[starts[shard]..<starts[shard + 1]]
    }
}
