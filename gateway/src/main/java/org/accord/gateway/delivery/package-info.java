/**
 * Delivery of sealed transfers to recipients, driven from a durable JMS queue: the partner mailbox
 * (pull) for now, a relay that re-queues anything committed but not yet handed over, and the mailbox API.
 */
package org.accord.gateway.delivery;
