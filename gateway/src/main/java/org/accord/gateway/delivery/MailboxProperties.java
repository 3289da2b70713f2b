package org.accord.gateway.delivery;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param requireReceipt whether an acknowledgement must carry a signed receipt; without one it is refused
 *        with {@code RECEIPT_INVALID} and reason {@code RECEIPT_MISSING}
 * @param maxReceiptBytes the largest receipt body accepted
 */
@Validated
@ConfigurationProperties("accord.mailbox")
public record MailboxProperties(boolean requireReceipt, @Positive Integer maxReceiptBytes) {

    public MailboxProperties {
        maxReceiptBytes = maxReceiptBytes == null ? 65536 : maxReceiptBytes;
    }
}
