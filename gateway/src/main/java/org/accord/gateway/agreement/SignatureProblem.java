package org.accord.gateway.agreement;

/** Why a catalogue with {@code accord.agreements.require-signatures=true} refuses an agreement. */
public enum SignatureProblem {
    /** A listed signatory has no {@code <id>.v<version>.<organisation>.p7s} beside the agreement file. */
    SIGNATURE_MISSING,
    /** The signature does not match the file's bytes, or its certificate does not chain to a signatory trust anchor. */
    SIGNATURE_INVALID,
    /** A valid, trusted signature, but its certificate does not name the signatory it is filed for. */
    SIGNER_NOT_SIGNATORY
}
