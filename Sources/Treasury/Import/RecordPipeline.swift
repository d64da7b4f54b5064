import Foundation

/// Reads a CSV input's records on a thread of its own while the importing thread books them, so that reading,
/// splitting and parsing (`prepare`, which must not touch the ledger) overlap the ledger's writes. Records travel in
/// chunks through a queue of at most `capacity` chunks: memory stays the same whatever the size of the file.
/// Records and their errors reach the importing thread in file order.
final class RecordPipeline<Prepared: Sendable>: @unchecked Sendable {
    /// One record as read: prepared (or the error `prepare` threw), or malformed CSV.
    enum Item {
        case record(line: Int, Result<Prepared, any Error>)
        case malformed(InputError)
    }

    /// A run of items and how far into the input the reader was after them.
    struct Chunk {
        var items: [Item] = []
        var read = 0
        var total: Int?
    }

    static var chunkSize: Int { 256 }
    static var capacity: Int { 4 }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Chunk] = []
    /// The reader has left the input (at its end, or stopped by `finish`).
    private var readerDone = false
    private var cancelled = false
    /// The most chunks ever waiting at once (at most `capacity`).
    private(set) var peakQueued = 0

    /// Starts reading `reader` (already past its header) on a new thread.
    init(reader: CSVReader, prepare: @escaping @Sendable (CSVRecord) throws -> Prepared) {
        let box = ReaderBox(reader)
        let thread = Thread { [self] in
            self.read(box.reader, prepare)
        }
        thread.name = "reserve-import-reader"
        thread.start()
    }

    /// The next chunk in file order, or nil when the input is exhausted.
    func next() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !readerDone { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Stops the reader (if it is still reading) and waits until it has left the input: after this the input's
    /// hash and handle are the caller's again.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !readerDone { condition.wait() }
        condition.unlock()
    }

    private func read(_ reader: CSVReader, _ prepare: (CSVRecord) throws -> Prepared) {
        var chunk = Chunk()
        chunk.items.reserveCapacity(Self.chunkSize)
        var more = true
        while more {
            do {
                if let record = try reader.next() {
                    chunk.items.append(.record(line: record.line, Result { try prepare(record) }))
                } else {
                    more = false
                }
            } catch {
                chunk.items.append(.malformed(error))
            }
            if chunk.items.count == Self.chunkSize || (!more && !chunk.items.isEmpty) {
                (chunk.read, chunk.total) = reader.progress
                guard deliver(chunk) else { break }
                chunk = Chunk()
                chunk.items.reserveCapacity(Self.chunkSize)
            }
        }
        condition.lock()
        readerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues `chunk`, waiting while the queue is full; false once the importing thread has stopped reading.
    private func deliver(_ chunk: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(chunk)
        peakQueued = max(peakQueued, queue.count)
        condition.broadcast()
        return true
    }
}

/// Hands a reader to the pipeline's thread, which is its only user until the pipeline finishes.
private final class ReaderBox: @unchecked Sendable {
    let reader: CSVReader
    init(_ reader: CSVReader) { self.reader = reader }
}
