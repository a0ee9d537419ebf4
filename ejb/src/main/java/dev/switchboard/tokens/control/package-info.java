/**
 * The token vault's cryptography: linked accounts' OAuth tokens are stored only as AES-256-GCM
 * ciphertexts ({@link dev.switchboard.tokens.control.TokenCipher}) under versioned keys from
 * TOKEN_ENCRYPTION_KEYS ({@link dev.switchboard.tokens.control.KeyRing}). Each ciphertext names its key id,
 * so keys rotate without a flag day: prepend a new key, re-encrypt what
 * {@code needsReencryption} reports, then drop the old key. Each is bound to its row and column through
 * the GCM additional data, so a database-level copy cannot move a token to another account. Only the
 * JDK's javax.crypto is used; a random 96-bit nonce is safe for far more tokens than one key will ever
 * seal before it is rotated.
 */
package dev.switchboard.tokens.control;
