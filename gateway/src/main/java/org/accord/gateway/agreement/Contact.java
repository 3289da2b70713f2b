package org.accord.gateway.agreement;

/** A named contact at a party (a DPO or single point of contact); role and phone may be {@code null}. */
public record Contact(String name, String role, String email, String phone) {
}
