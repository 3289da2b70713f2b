/**
 * The partner directory and the gateway's own key material: which certificate each partner organisation
 * receives messages under, and the signing credential this gateway seals with. In demo mode both come from
 * the demo PKI made at first start; in production from configured PEM files.
 */
package org.accord.gateway.partner;
