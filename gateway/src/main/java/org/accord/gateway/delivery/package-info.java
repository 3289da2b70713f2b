/**
 * Delivery of sealed transfers to recipients: the partner mailbox (pull) and the university units' inbox, and
 * pushes over HTTPS with mutual TLS or to a partner's JMS queue, driven from a durable queue with retries, a
 * circuit breaker and attempt and time limits per partner; a relay that re-queues anything committed but not yet
 * handed over; resend by hand; and the mailbox API, whose acknowledgement may carry a signed receipt.
 */
package org.accord.gateway.delivery;
