@testable import Bitcoin

/// TEST-ONLY generator of fixtures/demo: a fiscal year of a small national mining programme, every key,
/// transaction and signature made with throwaway test keys (the product itself never signs).
///
/// Deterministic: the same seed gives the same files byte for byte (DemoFixturesTests checks the committed copy).
struct DemoGenerator {
    typealias D = DemoCalendar
    typealias S = DemoScenario

    /// A cold-wallet output: received at the end of month `month` (its receive index).
    struct ColdCoin {
        var outpoint: OutPoint
        var amount: Int64
        var month: UInt32
    }

    /// Which two of the three cosigners (indexes into `cosigners`) sign the `n`th cold input: every pair in turn.
    static func cosignerPair(_ n: Int) -> [Int] { [[0, 1], [1, 2], [0, 2]][n % 3] }

    /// A hot-wallet output waiting for the month-end consolidation.
    struct Coin {
        var outpoint: OutPoint
        var amount: Int64
        var key: TestKey
    }

    var random = DemoRandom(seed: 0x5253_5642_2025_0701)
    let hot = DemoHDKey(label: "hot")
    let cosigners = [DemoHDKey(label: "cold-a"), DemoHDKey(label: "cold-b"), DemoHDKey(label: "cold-c")]
    var files: [String: String] = [:]

    func hotKey(chain: UInt32, _ index: UInt32) -> TestKey { hot.child(chain).child(index).key }

    /// The cold wallet's 2-of-3 sortedmulti witness script at receive index `i`, and the keys in script order.
    func coldScript(_ i: UInt32) -> (script: [UInt8], keys: [TestKey]) {
        let keys = cosigners.map { $0.child(0).child(i).key }.sorted {
            $0.publicKey.compressed.lexicographicallyPrecedes($1.publicKey.compressed)
        }
        let script: [UInt8] = [0x52] + keys.flatMap { [UInt8(0x21)] + $0.publicKey.compressed } + [0x53, 0xae]
        return (script, keys)
    }

    func address(_ script: [UInt8]) -> String {
        AddressPayload(scriptPubKey: script).map { Address(payload: $0).encoded(for: .main) } ?? ""
    }

    func p2wpkh(_ key: TestKey) -> [UInt8] { [0x00, 0x14] + key.publicKey.hash160 }
    func p2wsh(_ script: [UInt8]) -> [UInt8] { [0x00, 0x20] + Hashes.sha256(script) }

    mutating func generate() -> [String: String] {
        files["wallets.csv"] = "name,descriptor\n"
            + "hot,wpkh(\(hot.xpub.encoded())/<0;1>/*)\n"
            + "cold,wsh(sortedmulti(2,\(cosigners.map { $0.xpub.encoded() + "/<0;1>/*" }.joined(separator: ","))))\n"
        files["sites.csv"] = "site,hashrate_ths,power_kw\n" + S.sites.map { "\($0.id),\($0.ths),\($0.kw)\n" }.joined()
        files["demo.conf"] = "programme=\(S.programme)\nchallenge=\(S.challenge)\nsnapshot_as_of=\(S.snapshotAsOf)\n"
            + "cash_pool=luxor\naccrual_pool=f2pool\naccrual_site=Sui\n"
            + "key_names_cold=\(S.coldKeyholders.joined(separator: ","))\n"
        prices()
        power()
        mining()
        return files
    }

    // MARK: prices

    var btcUSD: [Int: Int64] = [:]

    mutating func prices() {
        var out = "date,currency,price,base\n"
        for day in S.firstDay...S.lastDay {
            let c = D.civil(day)
            let m = S.monthIndex(day)
            let monthStart = D.day(c.year, c.month, 1)
            let nextStart = m == 11 ? S.lastDay : D.day(c.month == 12 ? c.year + 1 : c.year, c.month == 12 ? 1 : c.month + 1, 1)
            let (a, b) = (S.btcUSDAnchors[m], S.btcUSDAnchors[m + 1])
            let trend = a + (b - a) * Int64(day - monthStart) / Int64(max(nextStart - monthStart, 1))
            let usd = trend * random.ppm(spread: 14_000) / 1_000_000 / 100 * 100
            btcUSD[day] = usd
            let i = Int64(day - S.firstDay)
            let fx = S.usdPKR.0 + (S.usdPKR.1 - S.usdPKR.0) * i / 364 + random.int(-12...12)
            let pkr = usd * fx / 100
            out += "\(D.text(day)),USD,\(D.decimal(usd, scale: 2)),BTC\n"
            out += "\(D.text(day)),PKR,\(D.decimal(pkr, scale: 2)),BTC\n"
            out += "\(D.text(day)),PKR,\(D.decimal(fx, scale: 2)),USD\n"
        }
        files["prices.csv"] = out
    }

    // MARK: power

    /// kWh per site per month index, also the share of time the miners ran.
    var energy: [String: [Int64]] = [:]

    mutating func power() {
        var bills = "site,period_start,period_end,kwh,amount,currency,marginal_amount,invoice\n"
        var settlements = "date,site,invoice,amount,currency,reference\n"
        for site in S.sites {
            var kwhs: [Int64] = []
            for m in 0..<12 {
                let (y, mo) = (2025 + (m + 6) / 12, (m + 6) % 12 + 1)
                let start = D.day(y, mo, 1)
                let end = (m == 11 ? S.lastDay + 1 : D.day(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1)) - 1
                let days = Int64(end - start + 1)
                let kwh = site.kw * 24 * days * site.uptime[m] / 100 * random.ppm(spread: 8_000) / 1_000_000
                kwhs.append(kwh)
                let amount = kwh * site.tariff
                let marginal = kwh * site.marginal
                let invoice = "\(site.invoicePrefix)-\(y)\(D.two(mo))"
                bills += "\(site.id),\(D.text(start)),\(D.text(end)),\(kwh),\(D.decimal(amount, scale: 2)),PKR,"
                    + "\(D.decimal(marginal, scale: 2)),\(invoice)\n"
                // Paid on the 20th of the next month; June's bill is still owed at the year end.
                if m < 11 {
                    settlements += "\(D.text(end + 20)),\(site.id),\(invoice),\(D.decimal(amount, scale: 2)),PKR,PAY-\(invoice)\n"
                }
            }
            energy[site.id] = kwhs
        }
        files["power-bills.csv"] = bills
        files["settlements.csv"] = settlements
    }

    // MARK: mining, payouts, consolidations, snapshot, attestations

    /// Gross satoshis a site mines on day `day`: its share of the network times the day's 144 blocks.
    mutating func minedSats(_ site: DemoScenario.Site, _ day: Int) -> (subsidy: Int64, fees: Int64) {
        let i = day - S.firstDay
        let share = Int128(site.ths) * Int128(site.uptime[S.monthIndex(day)]) * Int128(random.ppm(spread: 60_000))
        let network = Int128(S.networkTHs(i)) * 100 * 1_000_000
        let feePerBlock = 312_500_000 * random.int(10...30) / 1000
        let subsidy = Int64(Int128(144 * 312_500_000) * share / network)
        let fees = Int64(Int128(144 * feePerBlock) * share / network)
        return (subsidy, fees)
    }

    mutating func txid() -> [UInt8] { random.bytes(32) }

    mutating func mining() {
        let cash = S.sites.filter { $0.id != "Sui" }
        guard let accrual = S.sites.first(where: { $0.id == "Sui" }) else { return }
        var payouts = "paid_at,pool,site,amount_btc,fee_btc,address,txid,vout\n"
        var f2pool: [String] = []
        var coins: [Coin] = []
        var transactions = "date,hex,purpose,approval\n"
        var unspent: [(txid: String, vout: Int, script: [UInt8], amount: Int64, height: Int64)] = []
        var coldCoins: [ColdCoin] = []
        var f2Balance: Int64 = 0
        var f2ID: Int64 = 880_100_000
        let f2Address = hotKey(chain: 0, 2)
        for day in S.firstDay...S.lastDay {
            // Luxor (FPPS, 2.5% fee) pays each morning for the previous day's mining; cash basis.
            for (k, site) in cash.enumerated() {
                let (subsidy, fees) = minedSats(site, max(day - 1, S.firstDay))
                let gross = subsidy + fees
                let fee = gross * 25 / 1000
                let key = hotKey(chain: 0, UInt32(k))
                let id = txid()
                let vout = Int(random.int(0...40))
                payouts += "\(D.timestamp(day, seconds: 4 * 3600 + k * 60)),luxor,\(site.id),\(D.btc(gross - fee)),\(D.btc(fee)),"
                    + "\(address(p2wpkh(key))),\(Hex.encode(id.reversed())),\(vout)\n"
                coins.append(Coin(outpoint: OutPoint(txid: id, vout: UInt32(vout)), amount: gross - fee, key: key))
            }
            // F2Pool (PPS+, 4% fee) credits each mining day; accrual basis. It pays the balance the next morning.
            if f2Balance > 0 {
                let id = txid()
                f2ID += 1
                f2pool.append(f2Payout(id: f2ID, amount: f2Balance, day: day, address: address(p2wpkh(f2Address)), txid: id))
                coins.append(Coin(outpoint: OutPoint(txid: id, vout: UInt32(random.int(0...60))), amount: f2Balance, key: f2Address))
                f2Balance = 0
            }
            let (subsidy, fees) = minedSats(accrual, day)
            let pps = subsidy * 96 / 100, txFee = fees * 96 / 100
            f2ID += 1
            f2pool.append(f2Earning(id: f2ID, pps: pps, txFee: txFee, day: day, hashrate: accrual.ths * Int64(accrual.uptime[S.monthIndex(day)]) / 100))
            f2Balance = pps + txFee
            // Month end: consolidate the hot wallet into the cold wallet, change back to the hot wallet.
            let c = D.civil(day)
            if D.civil(day + 1).month != c.month {
                let m = UInt32(S.monthIndex(day))
                // At each quarter's end the quarter's earlier cold outputs are swept in too, signed 2 of 3.
                let sweep = m % 3 == 2 ? coldCoins.filter { $0.month + 3 > m } : []
                let (tx, cold, change, changeKey) = consolidate(coins, cold: sweep, month: m)
                transactions += "\(D.timestamp(day, seconds: 14 * 3600)),\(tx.hex),,\n"
                let cs = coldScript(m).script
                coldCoins.removeAll { c in sweep.contains { $0.outpoint == c.outpoint } }
                coldCoins.append(ColdCoin(outpoint: OutPoint(txid: tx.txid, vout: 0), amount: cold, month: m))
                unspent.removeAll { u in sweep.contains { $0.outpoint.txidHex == u.txid && Int($0.outpoint.vout) == u.vout } }
                unspent.removeAll { $0.script.starts(with: [0x00, 0x14]) }
                unspent.append((tx.txidHex, 0, p2wsh(cs), cold, S.height(day) + 84))
                unspent.append((tx.txidHex, 1, p2wpkh(changeKey), change, S.height(day) + 84))
                coins = [Coin(outpoint: OutPoint(txid: tx.txid, vout: 1), amount: change, key: changeKey)]
            }
        }
        files["luxor-payouts.csv"] = payouts
        files["f2pool-transactions.json"] = "{\n  \"transactions\": [\n" + f2pool.joined(separator: ",\n") + "\n  ]\n}\n"
        files["transactions.csv"] = transactions
        snapshot(unspent)
        attestations(unspent)
    }

    func f2Earning(id: Int64, pps: Int64, txFee: Int64, day: Int, hashrate: Int64) -> String {
        """
            {"id": \(id), "type": "revenue", "changed_balance": \(D.btc(pps + txFee)), "created_at": \(D.unix(day + 1)), \
        "mining_extra": {"mining_date": \(D.unix(day)), "settle_date": \(D.unix(day + 1)), "pps": \(D.btc(pps)), \
        "pps_fee_rate": 0.04, "tx_fee": \(D.btc(txFee)), "tx_fee_rate": 0.04, "hash_rate": \(hashrate)000000000000}, \
        "payout_extra": null}
        """
    }

    func f2Payout(id: Int64, amount: Int64, day: Int, address: String, txid: [UInt8]) -> String {
        let paid = D.unix(day, seconds: 2 * 3600 + 300)
        return """
            {"id": \(id), "type": "payout", "changed_balance": -\(D.btc(amount)), "created_at": \(paid), "mining_extra": null, \
        "payout_extra": {"value": \(D.btc(amount)), "address": "\(address)", "tx_id": "\(Hex.encode(txid.reversed()))", \
        "paid_time": \(paid), "wallet_type": "mainnet", "tip": 0}}
        """
    }

    /// A signed consolidation of `coins` (and of the cold outputs `cold`, signed by two of three cosigners in turn):
    /// 95% of the hot coins (less the fee) plus the cold ones to cold receive address `month`, 5% of the hot coins to
    /// hot change `month`.
    mutating func consolidate(_ coins: [Coin], cold sweep: [ColdCoin] = [], month: UInt32) -> (Transaction, Int64, Int64, TestKey) {
        let hotTotal = coins.reduce(0) { $0 + $1.amount }
        let total = hotTotal + sweep.reduce(0) { $0 + $1.amount }
        let feeRate = random.int(4...12)
        let fee = (11 + 68 * Int64(coins.count) + 105 * Int64(sweep.count) + 2 * 43) * feeRate
        let change = hotTotal / 20
        let cold = total - change - fee
        let changeKey = hotKey(chain: 1, month)
        let inputs = coins.map { TxInput(prevout: $0.outpoint, sequence: 0xffff_fffd) }
            + sweep.map { TxInput(prevout: $0.outpoint, sequence: 0xffff_fffd) }
        var tx = Transaction(version: 2, inputs: inputs,
                             outputs: [TxOutput(value: cold, scriptPubKey: p2wsh(coldScript(month).script)),
                                       TxOutput(value: change, scriptPubKey: p2wpkh(changeKey))], lockTime: 0)
        let unsigned = tx
        for (i, coin) in coins.enumerated() {
            let scriptCode = [0x76, 0xa9, 0x14] + coin.key.publicKey.hash160 + [0x88, 0xac]
            let sig = coin.key.signSegwitV0(unsigned, inputIndex: i, scriptCode: scriptCode, amount: coin.amount)
            tx.inputs[i].witness = [sig, coin.key.publicKey.compressed]
        }
        for (j, coin) in sweep.enumerated() {
            let i = coins.count + j
            let script = coldScript(coin.month).script
            // The chosen cosigners' keys at this index, in script order (CHECKMULTISIG's order).
            let chosen = Self.cosignerPair(Int(month) + j).map { cosigners[$0].child(0).child(coin.month).key }
            let signers = coldScript(coin.month).keys.filter { k in chosen.contains { $0.publicKey == k.publicKey } }
            let sigs = signers.map { $0.signSegwitV0(unsigned, inputIndex: i, scriptCode: script, amount: coin.amount) }
            tx.inputs[i].witness = [[]] + sigs + [script]
        }
        return (tx, cold, change, changeKey)
    }

    mutating func snapshot(_ unspent: [(txid: String, vout: Int, script: [UInt8], amount: Int64, height: Int64)]) {
        let total = unspent.reduce(0) { $0 + $1.amount }
        let best = "00000000000000000000" + Hex.encode(random.bytes(22))
        let items = unspent.map { u in
            "    {\"txid\": \"\(u.txid)\", \"vout\": \(u.vout), \"scriptPubKey\": \"\(Hex.encode(u.script))\", "
                + "\"desc\": \"addr(\(address(u.script)))\", \"amount\": \(D.btc(u.amount)), \"coinbase\": false, \"height\": \(u.height)}"
        }
        files["snapshot.json"] = "{\n  \"success\": true,\n  \"txouts\": 184467221,\n  \"height\": \(S.snapshotHeight),\n"
            + "  \"bestblock\": \"\(best)\",\n  \"unspents\": [\n" + items.joined(separator: ",\n")
            + "\n  ],\n  \"total_amount\": \(D.btc(total))\n}\n"
    }

    /// Attestations for every funded address and every payout address: BIP-137 for the hot wallet's keys,
    /// BIP-322 simple (2 of 3 cosigners) for the cold wallet's multisig addresses.
    mutating func attestations(_ unspent: [(txid: String, vout: Int, script: [UInt8], amount: Int64, height: Int64)]) {
        func message(_ address: String) -> String {
            "\(S.programme) controls \(address). \(S.challenge)"
        }
        func quote(_ s: String) -> String { s.contains(",") ? "\"" + s + "\"" : s }
        var out = "address,message,signature\n"
        var hotKeys = (0..<3).map { hotKey(chain: 0, UInt32($0)) }
        for m in 0..<12 {
            let key = hotKey(chain: 1, UInt32(m))
            if unspent.contains(where: { $0.script == p2wpkh(key) }) { hotKeys.append(key) }
        }
        for key in hotKeys {
            let a = address(p2wpkh(key))
            out += "\(a),\(quote(message(a))),\(key.signMessage(message(a), header: .p2wpkh))\n"
        }
        for m in 0..<12 {
            let (script, keys) = coldScript(UInt32(m))
            let a = address(p2wsh(script))
            // Two of the three cosigners sign, in script order.
            let signers = [keys[0], keys[2]]
            out += "\(a),\(quote(message(a))),\(TestKey.bip322SimpleMultisig(message: message(a), script: script, signers: signers))\n"
        }
        files["attestations.csv"] = out
    }
}
