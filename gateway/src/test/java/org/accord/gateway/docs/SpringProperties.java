package org.accord.gateway.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties Spring Boot and the libraries on the gateway's class path bind, from every
 * {@code META-INF/spring-configuration-metadata.json} they ship. A key below a map-valued property (an SSL bundle, a
 * client registration) is followed into the map's value type by reflection, so a misspelt nested key is caught too.
 */
final class SpringProperties {

    private final Map<String, JsonNode> properties;

    private SpringProperties(Map<String, JsonNode> properties) {
        this.properties = properties;
    }

    static SpringProperties onClassPath() {
        Map<String, JsonNode> properties = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            Enumeration<URL> files = SpringProperties.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        properties.put(property.get("name").asString(), property);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpringProperties(properties);
    }

    int size() {
        return properties.size();
    }

    java.util.Set<String> names() {
        return properties.keySet();
    }

    /** The default the metadata gives for a property, as text. */
    Optional<String> defaultValue(String name) {
        return Optional.ofNullable(properties.get(name)).map(property -> property.get("defaultValue"))
                .filter(value -> value != null && !value.isNull()).map(JsonNode::asString);
    }

    /** Whether a concrete key (with real map keys) is one Spring binds. */
    boolean binds(String key) {
        if (properties.containsKey(key)) {
            return true;
        }
        String[] segments = key.split("\\.");
        for (int i = segments.length - 1; i > 0; i--) {
            String prefix = String.join(".", List.of(segments).subList(0, i));
            JsonNode property = properties.get(prefix);
            if (property != null && property.path("type").asString("").startsWith("java.util.Map<")) {
                List<String> rest = List.of(segments).subList(i, segments.length);
                return mapValueBinds(property.get("type").asString(), rest);
            }
        }
        return false;
    }

    /** {@code rest} is the map key followed by the path inside the map's value. */
    private static boolean mapValueBinds(String mapType, List<String> rest) {
        String valueType = mapType.substring(mapType.indexOf(',') + 1, mapType.lastIndexOf('>')).strip();
        if (valueType.startsWith("java.")) {
            return true;
        }
        Class<?> type = ClassUtils.resolveClassName(valueType, SpringProperties.class.getClassLoader());
        return walk(type, rest.subList(1, rest.size()));
    }

    private static boolean walk(Type type, List<String> path) {
        Class<?> raw = raw(type);
        if (path.isEmpty()) {
            return true;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[1] : Object.class;
            return isLeaf(raw(value)) || walk(value, path.subList(1, path.size()));
        }
        if (isLeaf(raw)) {
            return false;
        }
        String camel = camel(path.get(0));
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(raw)) {
            if (descriptor.getName().equals(camel) && descriptor.getReadMethod() != null) {
                return walk(descriptor.getReadMethod().getGenericReturnType(), path.subList(1, path.size()));
            }
        }
        return false;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static boolean isLeaf(Class<?> type) {
        return BeanUtils.isSimpleValueType(type) || type.isArray() || Collection.class.isAssignableFrom(type)
                || (type.getName().startsWith("java.") && !Map.class.isAssignableFrom(type))
                || type.getName().startsWith("org.springframework.util.") || type.getName().startsWith("org.springframework.core.io.");
    }

    private static String camel(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
