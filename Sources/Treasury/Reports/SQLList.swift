/// Literal SQL lists of integer ids (ids come from the database, never from input text).
enum SQLList {
    static func ids(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ",") }
}
