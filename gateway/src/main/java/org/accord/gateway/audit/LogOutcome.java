package org.accord.gateway.audit;

/** Whether a logged step went through, was refused, or failed. */
public enum LogOutcome {
    OK, REFUSED, FAILED
}
