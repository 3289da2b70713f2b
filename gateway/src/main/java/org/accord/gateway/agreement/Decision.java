package org.accord.gateway.agreement;

/**
 * Whether a record may move: {@link Permit} under exactly one agreement flow, or {@link Deny} with a stable code.
 * A denial is an outcome to record, not an error.
 */
public sealed interface Decision permits Permit, Deny {
}
