import Bitcoin
import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of an input, delivered in fixed-size chunks so memory does not grow with the input's size.
public final class ByteSource {
    /// Why an input could not be read.
    public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        case cannotOpen(path: String, errno: Int32)
        /// A directory given where a file is read.
        case isDirectory(path: String)
        case readFailed(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let code): return "\(path): cannot open: \(String(cString: strerror(code)))"
            case .readFailed(let path, let code): return "\(path): read failed: \(String(cString: strerror(code)))"
            case .isDirectory(let path): return "\(path): cannot read: it is a directory, not a file"
            }
        }
    }

    /// The name used in messages (`stdin` for `-`).
    public let name: String
    /// Total size in bytes when known (regular files and memory), for progress reports.
    public let size: Int?
    /// Bytes handed out so far.
    public private(set) var consumed = 0
    private var hasher = SHA256()
    /// Whether `sha256Hex` is kept (a quick pre-pass over a file needs no hash).
    private let hashing: Bool

    /// SHA-256 of the bytes handed out so far (of the whole input once it is read to the end), lower-case hex.
    public var sha256Hex: String { Hex.encode(Array(hasher.finalize())) }

    private let fd: Int32
    private let ownsDescriptor: Bool
    private var memory: [UInt8]
    private var memoryOffset = 0
    private let chunkSize: Int

    /// Opens `path` for chunked reading; `-` reads standard input. `name` replaces the path in messages.
    /// Without `hashing`, `sha256Hex` stays that of no bytes.
    public init(path: String, name: String? = nil, chunkSize: Int = 1 << 16, hashing: Bool = true) throws(ReadError) {
        self.chunkSize = chunkSize
        self.hashing = hashing
        self.memory = []
        if path == "-" {
            self.name = name ?? "stdin"
            fd = 0
            ownsDescriptor = false
            size = nil
            return
        }
        self.name = name ?? path
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        fd = opened
        ownsDescriptor = true
        var st = stat()
        let known = fstat(opened, &st) == 0
        if known && (st.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw .isDirectory(path: self.name)
        }
        if known && (st.st_mode & S_IFMT) == S_IFREG { size = Int(st.st_size) } else { size = nil }
    }

    /// Serves `bytes` from memory (tests, or text already read).
    public init(bytes: [UInt8], name: String, chunkSize: Int = 1 << 16) {
        self.name = name
        self.memory = bytes
        self.size = bytes.count
        self.fd = -1
        self.ownsDescriptor = false
        self.hashing = true
        self.chunkSize = max(1, chunkSize)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Reads the next chunk into `buffer` (replacing its contents); returns false at the end of the input.
    public func nextChunk(into buffer: inout [UInt8]) throws(ReadError) -> Bool {
        if fd < 0 {
            buffer.removeAll(keepingCapacity: true)
            guard memoryOffset < memory.count else { return false }
            let end = min(memory.count, memoryOffset + chunkSize)
            buffer.append(contentsOf: memory[memoryOffset..<end])
            memoryOffset = end
            consumed = end
            if hashing { hasher.update(data: buffer) }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(chunkSize)
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if got >= 0 { break }
            if errno != EINTR {
                buffer.removeAll(keepingCapacity: true)
                throw .readFailed(path: name, errno: errno)
            }
        }
        buffer.removeLast(chunkSize - got)
        consumed += got
        if hashing { hasher.update(data: buffer) }
        return got > 0
    }
}
