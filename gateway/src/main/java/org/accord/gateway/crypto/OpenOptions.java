package org.accord.gateway.crypto;

/**
 * What {@link CmsOpener} demands beyond a valid signature from a trusted, current signer.
 *
 * <p>{@link #strict()} is the default and the only setting for traffic between Accord gateways:
 * the message must be AES-256-GCM AuthEnvelopedData and carry Accord's transfer id.
 * {@link #fromStandardCmsTools()} accepts messages made by other CMS tools (for example
 * {@code openssl cms}), which cannot add the transfer-id attribute: the transfer id is then
 * {@code null} and the caller must assign one. It also accepts AES-CBC EnvelopedData, which such
 * tools may produce; integrity then rests on the inner signature alone.
 *
 * @param requireTransferId   reject with {@link RejectionCode#TRANSFER_ID_MISSING} when absent
 * @param acceptEnvelopedData accept AES-CBC EnvelopedData besides AES-GCM AuthEnvelopedData
 */
public record OpenOptions(boolean requireTransferId, boolean acceptEnvelopedData) {

    public static OpenOptions strict() {
        return new OpenOptions(true, false);
    }

    public static OpenOptions fromStandardCmsTools() {
        return new OpenOptions(false, true);
    }
}
