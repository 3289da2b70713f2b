/**
 * Retention: the gateway keeps no personal data longer than its agreements allow. Sealed copies go once acknowledged,
 * delivered or expired uncollected; subject references when the agreement's retention for the sender ends;
 * idempotency keys after a month; the transfer log's old segments into signed archives. Runs once across gateways,
 * in bounded batches, and logs every deletion. Reports what is held and due (the console's Retention page and
 * {@code GET /api/v1/retention}).
 */
package org.accord.gateway.retention;
