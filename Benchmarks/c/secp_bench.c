/* Reference loop for the "sigs" benchmark: the same verifications as the Swift code, calling
 * libsecp256k1 directly.
 *   secp_bench gen N FILE      writes N deterministic ECDSA, Schnorr and BIP-137 inputs to FILE
 *   secp_bench time KIND FILE  verifies every KIND (ecdsa|schnorr|bip137) input once, prints verifications/s
 *   secp_bench batch KIND FILE the same split over two threads (the machine's parallel headroom)
 * ECDSA: DER parse + public key parse + verify. Schnorr: x-only key parse + verify (32-byte message).
 * BIP-137: message hash (SHA-256d with the magic prefix) + compact parse + recover + serialize. */
#include <secp256k1.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_recovery.h>
#include <secp256k1_schnorrsig.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* SHA-256 (FIPS 180-4), only for the BIP-137 message hash. */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};
#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p) {
    uint32_t w[64], a, b, c, d, e, f, g, k, t1, t2;
    for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; k = h[7];
    for (int i = 0; i < 64; i++) {
        t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void sha256(const unsigned char *data, size_t len, unsigned char out[32]) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char block[64];
    size_t i = 0;
    for (; i + 64 <= len; i += 64) sha256_block(h, data + i);
    size_t rest = len - i;
    memset(block, 0, 64);
    memcpy(block, data + i, rest);
    block[rest] = 0x80;
    if (rest >= 56) { sha256_block(h, block); memset(block, 0, 64); }
    uint64_t bits = (uint64_t)len * 8;
    for (int j = 0; j < 8; j++) block[63 - j] = (unsigned char)(bits >> (8 * j));
    sha256_block(h, block);
    for (int j = 0; j < 8; j++) { out[4 * j] = h[j] >> 24; out[4 * j + 1] = h[j] >> 16; out[4 * j + 2] = h[j] >> 8; out[4 * j + 3] = h[j]; }
}

/* SHA-256d(CompactSize(24) || "Bitcoin Signed Message:\n" || CompactSize(len) || msg), len < 253. */
static void message_hash(const unsigned char *msg, size_t len, unsigned char out[32]) {
    unsigned char buf[300], once[32];
    static const char magic[] = "Bitcoin Signed Message:\n";
    buf[0] = 24;
    memcpy(buf + 1, magic, 24);
    buf[25] = (unsigned char)len;
    memcpy(buf + 26, msg, len);
    sha256(buf, 26 + len, once);
    sha256(once, 32, out);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t next_random(void) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return rng_state;
}
static void random_bytes(unsigned char *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (unsigned char)(next_random() >> 24);
}

static void put_hex(FILE *f, const unsigned char *b, size_t n) {
    for (size_t i = 0; i < n; i++) fprintf(f, "%02x", b[i]);
}

static int gen(int n, const char *path) {
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); return 74; }
    for (int i = 0; i < n; i++) {
        unsigned char sk[32], digest[32], der[72], pk33[33], xonly[32], sig64[64], msg[40], aux[32];
        do { random_bytes(sk, 32); } while (!secp256k1_ec_seckey_verify(ctx, sk));
        random_bytes(digest, 32);
        secp256k1_pubkey pk;
        if (!secp256k1_ec_pubkey_create(ctx, &pk, sk)) return 1;
        size_t len = 33;
        secp256k1_ec_pubkey_serialize(ctx, pk33, &len, &pk, SECP256K1_EC_COMPRESSED);
        secp256k1_ecdsa_signature sig;
        secp256k1_ecdsa_sign(ctx, &sig, digest, sk, NULL, NULL);
        size_t derlen = sizeof der;
        secp256k1_ecdsa_signature_serialize_der(ctx, der, &derlen, &sig);
        fputs("ecdsa ", f); put_hex(f, pk33, 33); fputc(' ', f); put_hex(f, digest, 32); fputc(' ', f); put_hex(f, der, derlen); fputc('\n', f);

        secp256k1_keypair kp;
        secp256k1_xonly_pubkey xpk;
        if (!secp256k1_keypair_create(ctx, &kp, sk)) return 1;
        if (!secp256k1_keypair_xonly_pub(ctx, &xpk, NULL, &kp)) return 1;
        secp256k1_xonly_pubkey_serialize(ctx, xonly, &xpk);
        random_bytes(aux, 32);
        secp256k1_schnorrsig_sign32(ctx, sig64, digest, &kp, aux);
        fputs("schnorr ", f); put_hex(f, xonly, 32); fputc(' ', f); put_hex(f, digest, 32); fputc(' ', f); put_hex(f, sig64, 64); fputc('\n', f);

        int mlen = snprintf((char *)msg, sizeof msg, "reserve attestation %08d", i);
        unsigned char mh[32], compact[64];
        message_hash(msg, (size_t)mlen, mh);
        secp256k1_ecdsa_recoverable_signature rsig;
        secp256k1_ecdsa_sign_recoverable(ctx, &rsig, mh, sk, NULL, NULL);
        int recid;
        secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, compact, &recid, &rsig);
        unsigned char header = (unsigned char)(39 + recid); /* P2WPKH header */
        fputs("bip137 ", f); put_hex(f, pk33, 33); fputc(' ', f); put_hex(f, msg, (size_t)mlen); fputc(' ', f);
        put_hex(f, &header, 1); put_hex(f, compact, 64); fputc('\n', f);
    }
    fclose(f);
    secp256k1_context_destroy(ctx);
    return 0;
}

typedef struct { unsigned char a[65], b[64], c[80]; size_t la, lb, lc; } item;

static size_t parse_hex(const char *s, unsigned char *out, size_t cap) {
    size_t n = strlen(s) / 2;
    if (n > cap) n = cap;
    for (size_t i = 0; i < n; i++) { unsigned v; sscanf(s + 2 * i, "%2x", &v); out[i] = (unsigned char)v; }
    return n;
}

typedef struct { const char *kind; item *items; size_t from, to, ok; } range;

static size_t verify_range(const char *kind, item *items, size_t from, size_t to) {
    const secp256k1_context *ctx = secp256k1_context_static;
    size_t ok = 0;
    for (size_t i = from; i < to; i++) {
        item *it = &items[i];
        if (strcmp(kind, "ecdsa") == 0) {
            secp256k1_pubkey pk; secp256k1_ecdsa_signature sig;
            ok += secp256k1_ecdsa_signature_parse_der(ctx, &sig, it->c, it->lc) &&
                  secp256k1_ec_pubkey_parse(ctx, &pk, it->a, it->la) && secp256k1_ecdsa_verify(ctx, &sig, it->b, &pk);
        } else if (strcmp(kind, "schnorr") == 0) {
            secp256k1_xonly_pubkey pk;
            ok += secp256k1_xonly_pubkey_parse(ctx, &pk, it->a) && secp256k1_schnorrsig_verify(ctx, it->c, it->b, it->lb, &pk);
        } else {
            unsigned char mh[32], out[33]; size_t len = 33;
            secp256k1_ecdsa_recoverable_signature rsig; secp256k1_pubkey pk;
            message_hash(it->b, it->lb, mh);
            ok += secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, it->c + 1, (it->c[0] - 27) & 3) &&
                  secp256k1_ecdsa_recover(ctx, &pk, &rsig, mh) &&
                  secp256k1_ec_pubkey_serialize(ctx, out, &len, &pk, SECP256K1_EC_COMPRESSED) && memcmp(out, it->a, 33) == 0;
        }
    }
    return ok;
}

static void *verify_thread(void *arg) {
    range *r = arg;
    r->ok = verify_range(r->kind, r->items, r->from, r->to);
    return NULL;
}

static int timing(const char *kind, const char *path, int threads) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return 74; }
    item *items = malloc(sizeof(item) * 200000);
    size_t count = 0;
    char k[16], x[200], y[200], z[200];
    while (count < 200000 && fscanf(f, "%15s %199s %199s %199s", k, x, y, z) == 4) {
        if (strcmp(k, kind) != 0) continue;
        item *it = &items[count++];
        it->la = parse_hex(x, it->a, sizeof it->a);
        it->lb = parse_hex(y, it->b, sizeof it->b);
        it->lc = parse_hex(z, it->c, sizeof it->c);
    }
    fclose(f);
    struct timespec t0, t1;
    size_t ok = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (threads == 1) {
        ok = verify_range(kind, items, 0, count);
    } else {
        pthread_t tid;
        range second = {kind, items, count / 2, count, 0};
        pthread_create(&tid, NULL, verify_thread, &second);
        ok = verify_range(kind, items, 0, count / 2);
        pthread_join(tid, NULL);
        ok += second.ok;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (ok != count) { fprintf(stderr, "%s: %zu of %zu failed\n", kind, count - ok, count); return 1; }
    printf("%.1f\n", (double)count / secs);
    free(items);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "gen") == 0) return gen(atoi(argv[2]), argv[3]);
    if (argc == 4 && strcmp(argv[1], "time") == 0) return timing(argv[2], argv[3], 1);
    if (argc == 4 && strcmp(argv[1], "batch") == 0) return timing(argv[2], argv[3], 2);
    fprintf(stderr, "usage: secp_bench gen N FILE | secp_bench time|batch ecdsa|schnorr|bip137 FILE\n");
    return 64;
}
