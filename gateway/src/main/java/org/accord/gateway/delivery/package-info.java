/**
 * Delivery of sealed transfers to recipients, driven from a durable JMS queue: the partner mailbox
 * (pull) for now, a relay that re-queues anything committed but not yet handed over, and the mailbox API,
 * whose acknowledgement may carry a signed receipt.
 */
package org.accord.gateway.delivery;
