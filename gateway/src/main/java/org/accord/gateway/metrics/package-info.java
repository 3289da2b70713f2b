/**
 * Operational metrics for Prometheus: transfers by outcome and agreement, refusals by code, queue depth,
 * and the time each stage of the flow takes. Tags carry codes and ids, never personal data.
 */
package org.accord.gateway.metrics;
