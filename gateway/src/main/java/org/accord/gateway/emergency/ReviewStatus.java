package org.accord.gateway.emergency;

/** Where the DPO's review of an emergency disclosure stands. */
public enum ReviewStatus {
    PENDING, JUSTIFIED, NOT_JUSTIFIED
}
