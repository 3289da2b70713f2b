package org.accord.identity;

import java.util.regex.Pattern;

/**
 * Client secrets and passwords are configured as bcrypt hashes only: never in clear, never as {@code {noop}}.
 * A value that is not a bcrypt hash stops the start, and the message names whose it is, never the value.
 */
final class SecretHashes {

    static final String BCRYPT_ID = "{bcrypt}";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private SecretHashes() {
    }

    /**
     * The bcrypt hash configured for {@code whose}, without its {@code {bcrypt}} prefix.
     *
     * @throws IllegalStateException if it is missing or not a bcrypt hash
     */
    static String bcrypt(String configured, String whose) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("No bcrypt hash configured for " + whose);
        }
        String hash = configured.strip();
        if (hash.startsWith(BCRYPT_ID)) {
            hash = hash.substring(BCRYPT_ID.length());
        }
        if (!BCRYPT.matcher(hash).matches()) {
            throw new IllegalStateException("The hash configured for " + whose + " is not a bcrypt hash "
                    + "({bcrypt}$2a$...); make one with: java -jar accord-identity-provider.jar hash");
        }
        return hash;
    }
}
