package org.accord.gateway.record;

/** A record type at one schema version, for example {@code prevent-referral} v1. */
public record RecordTypeVersion(String recordType, int version) {

    @Override
    public String toString() {
        return recordType + " v" + version;
    }
}
