#ifndef CSECP256K1_SHIM_H
#define CSECP256K1_SHIM_H
// libsecp256k1 0.2.0 (Debian libsecp256k1-dev): the core API plus the modules the verifier uses.
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <secp256k1_extrakeys.h>
#include <secp256k1_schnorrsig.h>

/// The library's static context (verification and public-key tweaks only), as a function so that
/// Swift 6 does not see a mutable global.
static inline const secp256k1_context *csecp256k1_context_static(void) {
    return secp256k1_context_static;
}
#endif
