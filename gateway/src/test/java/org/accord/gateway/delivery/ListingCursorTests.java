package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingCursorTests {

    private static final ListingCursor CURSOR = new ListingCursor(Instant.parse("2026-12-03T10:15:30.123456789Z"),
            "019ae4b2-7c1d-7a3e-9f00-1234567890ab");

    @Test
    void whenATokenIsReadBackThenItNamesTheSameMessageToTheNanosecond() {
        assertThat(ListingCursor.parse(CURSOR.token())).isEqualTo(CURSOR);
    }

    @Test
    void whenATokenIsMadeThenItNeedsNoEscapingInAQueryString() {
        assertThat(CURSOR.token()).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "garbage!", "not a cursor", "AQ", "====", "AQAAAAAAAAAAAAAAAA==" })
    void whenTheTokenIsNotBase64urlOfACursorThenItIsAnInvalidParameter(String token) {
        assertInvalid(token);
    }

    @Test
    void whenTheTokenIsPaddedOrTruncatedThenItIsAnInvalidParameter() {
        String token = CURSOR.token();
        assertInvalid(token + "=");
        assertInvalid(token.substring(0, token.length() - 1));
        assertInvalid(token + token);
    }

    @Test
    void whenTheTokenHasAnotherVersionANanosecondOutOfRangeOrAnIdWithOtherCharactersThenItIsAnInvalidParameter() {
        assertInvalid(encode((byte) 3, 1_700_000_000L, 0, "019ae4b2-7c1d"));
        assertInvalid(encode((byte) 1, 1_700_000_000L, 1_000_000_000, "019ae4b2-7c1d"));
        assertInvalid(encode((byte) 1, 1_700_000_000L, -1, "019ae4b2-7c1d"));
        assertInvalid(encode((byte) 1, Long.MAX_VALUE, 0, "019ae4b2-7c1d"));
        assertInvalid(encode((byte) 1, 1_700_000_000L, 0, "../../etc/passwd"));
        assertInvalid(encode((byte) 1, 1_700_000_000L, 0, "x".repeat(37)));
    }

    @Test
    void whenATokenIsWellFormedThenItIsAccepted() {
        assertThat(ListingCursor.parse(encode((byte) 1, 1_700_000_000L, 5, "t-1")))
                .isEqualTo(new ListingCursor(Instant.ofEpochSecond(1_700_000_000L, 5), "t-1"));
    }

    @Test
    void whenTheLastMessageOfAPageWasUrgentThenTheTokenSaysSoAndReadsBack() {
        ListingCursor urgent = new ListingCursor(true, Instant.ofEpochSecond(1_700_000_000L, 5), "t-1");
        assertThat(ListingCursor.parse(urgent.token())).isEqualTo(urgent);
        assertThat(urgent.token()).isNotEqualTo(new ListingCursor(Instant.ofEpochSecond(1_700_000_000L, 5), "t-1").token());
        assertThat(ListingCursor.parse(encode((byte) 2, 1_700_000_000L, 5, "t-1")).urgent()).isTrue();
    }

    private static void assertInvalid(String token) {
        assertThatThrownBy(() -> ListingCursor.parse(token)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_PARAMETER));
    }

    private static String encode(byte version, long seconds, int nanos, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(13 + idBytes.length).put(version).putLong(seconds).putInt(nanos).put(idBytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
