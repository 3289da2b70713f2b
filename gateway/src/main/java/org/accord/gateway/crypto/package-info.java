/**
 * Message protection for transfers between Accord gateways and partner institutions:
 * sealing (CMS SignedData inside AES-256-GCM AuthEnvelopedData), opening and verifying
 * sealed messages, partners' signed receipts (made and verified here), PKCS#12 and PEM key material, and
 * the demo key material made on first start.
 *
 * <p>Owns every use of Bouncy Castle in the gateway. No Bouncy Castle type appears in a
 * public signature here; other modules see {@code byte[]}, {@link java.security.PrivateKey},
 * {@link java.security.cert.X509Certificate}, {@link java.time.Instant} and {@link String}.
 *
 * <p>Between Accord gateways {@link org.accord.gateway.crypto.OpenOptions#strict()} applies: GCM
 * only, transfer id required. Messages from standard CMS tools such as {@code openssl cms} carry
 * no transfer id and need {@link org.accord.gateway.crypto.OpenOptions#fromStandardCmsTools()}.
 *
 * <p>Accord's transfer-id signed attribute has the OID
 * {@code 2.25.277558973120734202039791707480966241425} (UUID arc, from the fixed UUID
 * {@code d0cfe9ec-9c9e-42bb-bebb-2694297f1c91}); its single value is a UTF8String.
 */
package org.accord.gateway.crypto;
