package org.accord.gateway.agreement;

/** Whether a recipient may pass what it received to others, and on what terms ({@code conditions} may be {@code null}). */
public record OnwardSharing(boolean allowed, String conditions) {
}
