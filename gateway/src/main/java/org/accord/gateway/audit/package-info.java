/**
 * The transfer log: an append-only record of every step of every transfer and every refusal, holding
 * metadata, codes, field names and digests, never the personal data itself; and the DPO's read API.
 */
package org.accord.gateway.audit;
