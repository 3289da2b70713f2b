package org.accord.gateway.agreement;

/** The direction of a transfer as seen from the institution whose gateway decides it. */
public final class Directions {

    private Directions() {
    }

    /**
     * @return {@code INTERNAL} between units of {@code institution}, {@code OUTBOUND} from it, {@code INBOUND} otherwise
     */
    public static Direction of(String institution, String sender, String recipient) {
        boolean fromUs = institution.equals(Organisation.organisationOf(sender));
        boolean toUs = institution.equals(Organisation.organisationOf(recipient));
        if (fromUs && toUs) {
            return Direction.INTERNAL;
        }
        return fromUs ? Direction.OUTBOUND : Direction.INBOUND;
    }
}
