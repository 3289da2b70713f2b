package org.accord.gateway.agreement;

/** A party's role under UK GDPR for the data an agreement covers. */
public enum PartyRole {
    CONTROLLER("controller"), JOINT_CONTROLLER("joint-controller"), PROCESSOR("processor");

    private final String code;

    PartyRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static PartyRole fromCode(String code) {
        for (PartyRole role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown party role " + code);
    }
}
