package org.accord.gateway.agreement;

import java.util.List;

/** How parties tell each other of a personal data breach: within how many hours, and whom to contact. */
public record Breach(int notifyWithinHours, List<BreachContact> contacts) {

    public Breach {
        contacts = List.copyOf(contacts);
    }

    /** A party's breach contact. */
    public record BreachContact(String organisation, String name, String email, String phone) {
    }
}
