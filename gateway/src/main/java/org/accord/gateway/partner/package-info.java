/**
 * The partner directory and the gateway's own key material: which certificate each partner organisation
 * receives messages under and signs with, its TLS identity and endpoint, the trust anchors, and the signing
 * credential this gateway seals with (current and previous certificates). In demo mode they come from the
 * demo PKI made at first start; in production from configured PEM or PKCS#12 files. Also watches certificate
 * expiry (log and health) and opens inbound messages once each (replay defence).
 */
package org.accord.gateway.partner;
