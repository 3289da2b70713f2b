/**
 * Notifications to the university's own systems: when a record becomes available in one of its units' inboxes,
 * the unit's case-management system is told by an HTTPS POST (ids and metadata only, never the record), written
 * to an outbox in the same transaction, sent and retried from there, every attempt in the transfer log.
 */
package org.accord.gateway.notify;
