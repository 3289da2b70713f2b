/**
 * The outbound flow as Camel routes: validate, decide, minimise, seal, store, hand over for delivery.
 * Each stage is a small bean calling the feature package that does the work; refusals are values that
 * leave the flow through one route that logs them.
 */
package org.accord.gateway.outbound;
