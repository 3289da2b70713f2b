package org.accord.gateway.agreement;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalogue in force. Decisions read {@link #current()} once and decide against that snapshot; a reload
 * replaces the whole catalogue at once, so no decision sees half of one catalogue and half of another.
 */
public final class AgreementSource {

    private final AtomicReference<AgreementCatalogue> current;

    public AgreementSource(AgreementCatalogue initial) {
        this.current = new AtomicReference<>(initial);
    }

    public AgreementCatalogue current() {
        return current.get();
    }

    public void replace(AgreementCatalogue next) {
        current.set(next);
    }
}
