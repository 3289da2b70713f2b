/**
 * Transfers: one record moving from one party to another under one agreement version, its lifecycle
 * status, the sealed message kept for delivery, the recipient's signed receipt, the transfer ids already
 * opened (replay guard), and the sender's view of its own transfers.
 */
package org.accord.gateway.transfer;
