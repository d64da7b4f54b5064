/// Typed access to JSON members, with errors naming the file, line and key path.
struct JSONFields {
    let file: String

    func error(_ node: JSONNode, _ message: String) -> InputError {
        InputError(file: file, line: node.line, column: node.path, message: message)
    }

    func member(_ node: JSONNode, _ key: String) throws(InputError) -> JSONNode {
        guard case .object = node.value else { throw error(node, "expected an object, found \(node.value.kind)") }
        guard let child = node[key] else {
            throw InputError(file: file, line: node.line, column: node.path == "$" ? key : node.path + "." + key,
                             message: "missing member")
        }
        return child
    }

    func array(_ node: JSONNode) throws(InputError) -> [JSONNode] {
        guard case .array(let items) = node.value else { throw error(node, "expected an array, found \(node.value.kind)") }
        return items
    }

    func string(_ node: JSONNode) throws(InputError) -> String {
        guard case .string(let s) = node.value else { throw error(node, "expected a string, found \(node.value.kind)") }
        return s
    }

    func number(_ node: JSONNode) throws(InputError) -> String {
        guard case .number(let n) = node.value else { throw error(node, "expected a number, found \(node.value.kind)") }
        return n
    }

    /// An integer member (ids, Unix timestamps, heights), exactly.
    func integer(_ node: JSONNode) throws(InputError) -> Int64 {
        let token = try number(node)
        do { return try JSONNumber.minorUnits(token, scale: 0) } catch {
            throw self.error(node, "expected an integer: \(error.message)")
        }
    }

    /// Runs a field rule on `text`, turning its failure into an error at `node`.
    func parse<T>(_ node: JSONNode, _ text: String, _ rule: (String) throws(FieldError) -> T) throws(InputError) -> T {
        do { return try rule(text) } catch { throw self.error(node, error.message) }
    }

    /// Whether `node` is JSON null.
    func isNull(_ node: JSONNode?) -> Bool {
        guard let node else { return true }
        if case .null = node.value { return true }
        return false
    }
}
