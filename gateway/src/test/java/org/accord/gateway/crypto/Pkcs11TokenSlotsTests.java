package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Finding a token's slot id by its label in OpenSC's {@code pkcs11-tool --list-token-slots} output. */
class Pkcs11TokenSlotsTests {

    private static final String LISTING = """
            Available slots:
            Slot 0 (0xca55999): SoftHSM slot ID 0xca55999
              token label        : accord
              token manufacturer : SoftHSM project
              token flags        : login required, rng, token initialized, PIN initialized, other flags=0x20
            Slot 1 (0x5b2f11c2): SoftHSM slot ID 0x5b2f11c2
              token label        : accord-backup
            Slot 2 (0x1): SoftHSM slot ID 0x1
              token state:   uninitialized
            """;

    @Test
    void whenOneTokenHasTheLabelThenItsSlotIdIsReturned() {
        assertThat(Pkcs11Token.slotOf(LISTING, "accord")).isEqualTo(0xca55999L);
        assertThat(Pkcs11Token.slotOf(LISTING, "accord-backup")).isEqualTo(0x5b2f11c2L);
    }

    @Test
    void whenNoTokenOrSeveralHaveTheLabelThenNoSlotIsGuessed() {
        assertThatThrownBy(() -> Pkcs11Token.slotOf(LISTING, "accord-b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No PKCS#11 token is labelled");
        assertThatThrownBy(() -> Pkcs11Token.slotOf(LISTING + LISTING.replace("0xca55999", "0x7"), "accord"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Several");
    }

    @Test
    void whenTheConfigurationIsMadeThenItNamesTheSlotAndKeepsTheKeyItselfSensitive() {
        String configuration = Pkcs11Token.configuration(java.nio.file.Path.of("/usr/lib/softhsm/libsofthsm2.so"), 42);

        assertThat(configuration).contains("library = /usr/lib/softhsm/libsofthsm2.so", "slot = 42",
                "attributes(generate, CKO_SECRET_KEY, CKK_GENERIC_SECRET)");
        assertThat(configuration).doesNotContain("CKO_PRIVATE_KEY");
    }
}
