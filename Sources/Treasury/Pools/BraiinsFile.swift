import Bitcoin

/// Braiins Pool's daily rewards (`GET /accounts/rewards/json/btc`): `{"btc": {"daily_rewards": [...]}}`, each with
/// `date` (Unix seconds of the mining day, UTC), `total_reward` (a decimal string of BTC) and its parts
/// (`mining_reward`, `bos_plus_reward`, `referral_bonus`, `referral_reward`). docs/formats.md has a sample.
enum BraiinsFile {
    struct Reward {
        var line: Int
        var date: Int64
        var amount: Int64
        var path: String
    }

    /// Every daily reward, checked; a zero total is kept (the importer skips it with a note).
    static func rewards(_ root: JSONNode, file: String) throws(InputError) -> [Reward] {
        let f = JSONFields(file: file)
        var result: [Reward] = []
        for item in try f.array(try f.member(try f.member(root, "btc"), "daily_rewards")) {
            let total = try f.member(item, "total_reward")
            let text: String
            switch total.value {
            case .string(let s): text = s
            case .number(let n): text = n
            default: throw f.error(total, "expected a decimal string, found \(total.value.kind)")
            }
            result.append(Reward(line: item.line, date: try f.integer(try f.member(item, "date")),
                                 amount: try f.parse(total, text) { (t: String) throws(FieldError) -> Int64 in
                                     guard !t.contains("e"), !t.contains("E") else { throw FieldError("amount \(Echo.value(t)) uses an exponent") }
                                     return try Amounts.minor(t, scale: 8)
                                 },
                                 path: total.path))
        }
        return result
    }
}
