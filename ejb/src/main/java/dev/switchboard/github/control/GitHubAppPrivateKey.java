package dev.switchboard.github.control;

import java.io.IOException;
import java.io.StringReader;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads GITHUB_APP_PRIVATE_KEY: the PEM that GitHub hands out (PKCS#1, {@code BEGIN RSA PRIVATE KEY}),
 * or the same key converted to PKCS#8 ({@code BEGIN PRIVATE KEY}). The JDK reads neither PKCS#1 nor
 * PEM, hence Bouncy Castle's parser; the key itself is built by the JDK's own RSA provider, so Bouncy
 * Castle is never registered as a JCA provider in the shared server.
 */
public final class GitHubAppPrivateKey {

    private static final String EXPECTED = "expected a PEM '-----BEGIN RSA PRIVATE KEY-----' (as GitHub issues it) "
            + "or '-----BEGIN PRIVATE KEY-----' block";

    private GitHubAppPrivateKey() {
    }

    /** The RSA private key in {@code pem}, which may carry literal {@code \n} sequences for line breaks. */
    public static RSAPrivateKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY is not set");
        }
        // environment variables and .env files often carry the PEM on one line with escaped line breaks
        String text = pem.strip().replace("\\r", "").replace("\\n", "\n");
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY is not a readable PEM key ("
                    + e.getClass().getSimpleName() + "): " + EXPECTED);
        }
        return toPrivateKey(parsed);
    }

    private static RSAPrivateKey toPrivateKey(Object parsed) {
        if (parsed == null) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY holds no PEM block: " + EXPECTED);
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY is encrypted with a passphrase: "
                    + "provide the key as GitHub issued it, unencrypted");
        }
        PrivateKeyInfo info;
        if (parsed instanceof PEMKeyPair pair) { // PKCS#1, or another algorithm's traditional format
            info = pair.getPrivateKeyInfo();
        } else if (parsed instanceof PrivateKeyInfo pkcs8) {
            info = pkcs8;
        } else {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY holds no private key (found "
                    + parsed.getClass().getSimpleName() + "): " + EXPECTED);
        }
        // checked before conversion: the JDK cannot always convert other algorithms' keys, and would
        // fail with a less useful message
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY is not an RSA key; GitHub Apps sign with "
                    + "RSA (RS256)");
        }
        try {
            return (RSAPrivateKey) new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new GitHubAppKeyException("GITHUB_APP_PRIVATE_KEY holds an RSA key that cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
