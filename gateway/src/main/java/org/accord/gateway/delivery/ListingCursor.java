package org.accord.gateway.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;

/**
 * Where a mailbox or inbox listing goes on from: the last message of a page, by the listing's order (urgent
 * transfers first, then by when the gateway made the transfer, then its id). Clients see it as {@code next}, an
 * opaque URL-safe token, and hand it back as {@code after}; they never build one. A token only positions a listing
 * inside the caller's own box, so it is not signed. Its first byte says whether the position is among the urgent
 * transfers (2) or the routine ones (1).
 */
public record ListingCursor(boolean urgent, Instant createdAt, String transferId) {

    private static final byte VERSION = 1;
    private static final byte URGENT_VERSION = 2;
    private static final int FIXED_BYTES = 1 + Long.BYTES + Integer.BYTES;
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9._-]{1,36}");
    private static final int MAX_TOKEN_CHARS = 4 * (FIXED_BYTES + 36) / 3 + 4;

    /** A position among routine transfers. */
    public ListingCursor(Instant createdAt, String transferId) {
        this(false, createdAt, transferId);
    }

    static ListingCursor after(Transfer last) {
        return new ListingCursor(last.urgent(), last.createdAt(), last.id());
    }

    /** The token a client hands back as {@code after}: a version, the time to the nanosecond and the id, base64url. */
    String token() {
        byte[] id = transferId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocate(FIXED_BYTES + id.length).put(urgent ? URGENT_VERSION : VERSION).putLong(createdAt.getEpochSecond())
                .putInt(createdAt.getNano()).put(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * The cursor a token names.
     *
     * @throws ApiProblemException {@code INVALID_PARAMETER} when the token is not one this gateway made
     */
    static ListingCursor parse(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (bytes.length <= FIXED_BYTES || (bytes[0] != VERSION && bytes[0] != URGENT_VERSION)) {
            throw malformed();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        String id = new String(bytes, FIXED_BYTES, bytes.length - FIXED_BYTES, StandardCharsets.US_ASCII);
        if (nanos < 0 || nanos > 999_999_999 || !TRANSFER_ID.matcher(id).matches()) {
            throw malformed();
        }
        ListingCursor cursor;
        try {
            cursor = new ListingCursor(bytes[0] == URGENT_VERSION, Instant.ofEpochSecond(seconds, nanos), id);
        } catch (DateTimeException e) {
            throw malformed();
        }
        if (!cursor.token().equals(token)) {
            throw malformed();
        }
        return cursor;
    }

    private static ApiProblemException malformed() {
        return new ApiProblemException(ProblemCode.INVALID_PARAMETER,
                "after must be the next value of an earlier page of this listing.");
    }
}
