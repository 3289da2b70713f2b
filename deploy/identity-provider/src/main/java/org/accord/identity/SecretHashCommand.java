package org.accord.identity;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code hash}: reads one secret or password (from the terminal without echo, otherwise the first line of
 * standard input) and prints its bcrypt hash in the form the configuration takes. The secret is not echoed.
 */
final class SecretHashCommand {

    static final String NAME = "hash";

    private SecretHashCommand() {
    }

    static int run(Console console, InputStream in, PrintStream out, PrintStream err) {
        char[] secret;
        try {
            secret = console != null ? console.readPassword("Secret or password: ") : firstLine(in);
        }
        catch (IOException e) {
            err.println("Cannot read the secret: " + e.getMessage());
            return 1;
        }
        if (secret == null || secret.length == 0) {
            err.println("No secret given.");
            return 1;
        }
        try {
            out.println(SecretHashes.BCRYPT_ID + new BCryptPasswordEncoder().encode(CharBuffer.wrap(secret)));
            return 0;
        }
        finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static char[] firstLine(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
