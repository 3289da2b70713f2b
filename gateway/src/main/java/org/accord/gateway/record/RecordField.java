package org.accord.gateway.record;

import java.util.List;
import java.util.Optional;

/**
 * One field a record schema defines, as agreements name it.
 *
 * @param path       dot notation with {@code []} for array items, for example {@code subject.addresses[].postcode}
 * @param type       the JSON Schema type ({@code string}, {@code object}, {@code array}, ...)
 * @param format     the JSON Schema format, for example {@code date}, or {@code null}
 * @param identifier the {@code x-accord-identifier} annotation (for example {@code postcode}), or {@code null}
 * @param category   special category or criminal-offence data, inherited from enclosing fields
 * @param allowed    the values an {@code enum} permits, empty if the schema names none
 */
public record RecordField(String path, String type, String format, String identifier, Optional<DataCategory> category,
                          List<String> allowed) {

    public RecordField {
        allowed = List.copyOf(allowed);
    }

    public boolean isScalar() {
        return !"object".equals(type) && !"array".equals(type);
    }

    public boolean isDate() {
        return "string".equals(type) && "date".equals(format);
    }

    public boolean isPostcode() {
        return "string".equals(type) && "postcode".equals(identifier);
    }
}
