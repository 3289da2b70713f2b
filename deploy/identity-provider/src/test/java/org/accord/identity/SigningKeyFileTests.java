package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTests {

    @TempDir
    Path folder;

    @Test
    void whenNoKeyFileThenAKeyIsMadeThatOnlyItsOwnerCanRead() throws Exception {
        Path file = folder.resolve("idp").resolve("token-signing.jwk.json");

        RSAKey key = SigningKeyFile.loadOrCreate(file);

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(SigningKeyFile.KEY_SIZE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void whenRestartedThenTheSameKeyIsUsed() {
        Path file = folder.resolve("token-signing.jwk.json");

        RSAKey first = SigningKeyFile.loadOrCreate(file);
        RSAKey second = SigningKeyFile.loadOrCreate(file);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.getModulus()).isEqualTo(first.getModulus());
    }

    @Test
    void whenKeyFileHoldsOnlyAPublicKeyThenStartIsRefused() throws Exception {
        Path file = folder.resolve("token-signing.jwk.json");
        RSAKey key = SigningKeyFile.loadOrCreate(folder.resolve("made.jwk.json"));
        Files.writeString(file, key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("no private key");
    }
}
