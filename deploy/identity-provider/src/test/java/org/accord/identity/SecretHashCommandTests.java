package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SecretHashCommandTests {

    @Test
    void whenSecretIsGivenOnStandardInputThenItsBcryptHashIsPrintedInTheConfigurationsForm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = SecretHashCommand.run(null, new ByteArrayInputStream("s3cret value\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(status).isZero();
        assertThat(printed).startsWith("{bcrypt}$2a$").doesNotContain("s3cret");
        String hash = SecretHashes.bcrypt(printed, "the test");
        assertThat(new BCryptPasswordEncoder().matches("s3cret value", hash)).isTrue();
    }

    @Test
    void whenNoSecretIsGivenThenNothingIsPrintedAndItFails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = SecretHashCommand.run(null, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
        assertThat(out.size()).isZero();
    }
}
