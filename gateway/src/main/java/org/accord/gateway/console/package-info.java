/**
 * The DPO's console: a server-rendered view of the transfer log (transfers, refusals, agreements with their
 * volumes, subject access searches, the log's integrity) with CSV and JSON-lines exports. Every view of log
 * data is itself logged. It shows metadata only: the log holds no personal data.
 */
package org.accord.gateway.console;
