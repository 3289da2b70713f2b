package org.accord.gateway.agreement;

import java.util.List;

/**
 * A party agreements may name, with the internal units flows may name as {@code <organisation>/<unit>}.
 *
 * @param id              for example {@code uni-northbridge}
 * @param kind            for example {@code university}, {@code police}, {@code local-authority}
 * @param units           unit ids, for example {@code safeguarding-lead}
 * @param emergency       what it may be sent in an emergency outside any agreement flow; null for nothing
 */
public record Organisation(String id, String name, String kind, String icoRegistration, List<String> units,
        EmergencyProfile emergency) {

    public Organisation {
        units = List.copyOf(units);
    }

    /** An organisation with no emergency profile. */
    public Organisation(String id, String name, String kind, String icoRegistration, List<String> units) {
        this(id, name, kind, icoRegistration, units, null);
    }

    /** Whether {@code address} is this organisation or one of its units. */
    public boolean owns(String address) {
        if (id.equals(address)) {
            return true;
        }
        int slash = address.indexOf('/');
        return slash > 0 && id.equals(address.substring(0, slash)) && units.contains(address.substring(slash + 1));
    }

    /** The organisation part of an address such as {@code uni-northbridge/residences}. */
    public static String organisationOf(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
