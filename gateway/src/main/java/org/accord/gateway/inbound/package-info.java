/**
 * Records arriving from partners: opening sealed messages addressed to this gateway (decrypt, verify the
 * sender, admit each transfer id once) before they go through the same checks as any other record.
 */
package org.accord.gateway.inbound;
