package org.accord.gateway.redaction;

/**
 * A field that went in changed form.
 *
 * @param path the field path, as the plan names it
 * @param rule the rule applied, for example {@code generalise:age-band}
 */
public record FieldTransform(String path, String rule) {
}
