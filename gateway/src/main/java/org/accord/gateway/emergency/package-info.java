/**
 * Emergency disclosures outside any agreement flow (docs/emergency.md): the DPO's review of each, the list of them,
 * and the reviews overdue as a health detail and a gauge. The disclosure itself runs through the outbound flow.
 */
package org.accord.gateway.emergency;
