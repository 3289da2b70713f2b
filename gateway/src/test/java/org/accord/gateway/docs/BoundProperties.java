package org.accord.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every {@code accord.*} property the gateway binds: the components of its {@code @ConfigurationProperties}
 * records, walked by reflection (a map's key is written {@code <*>}), and the {@code ${accord.…}} placeholders and
 * {@code @ConditionalOnProperty} names in its code and configuration.
 */
final class BoundProperties {

    static final String ANY_KEY = "<*>";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(accord\\.[a-z0-9.\\-]+)");

    private static final Pattern CONDITION = Pattern.compile("@ConditionalOnProperty\\(\\s*(?:name\\s*=\\s*)?\"(accord\\.[a-z0-9.\\-]+)\"");

    private static final Pattern MAP_KEY = Pattern.compile("<[^>]*>|\\[[^\\]]*\\]");

    private BoundProperties() {
    }

    static SortedSet<String> all() {
        SortedSet<String> names = new TreeSet<>();
        names.addAll(fromConfigurationProperties());
        names.addAll(fromSources(Path.of("src/main")));
        return names;
    }

    /** A documented name in the form this class uses: any {@code <key>} or {@code [key]} becomes {@code <*>}. */
    static String normalise(String documented) {
        return MAP_KEY.matcher(documented).replaceAll(ANY_KEY);
    }

    /** Whether a concrete key (from a YAML file, with real map keys) is one of the bound names. */
    static boolean binds(Collection<String> bound, String concrete) {
        for (String name : bound) {
            String regex = Pattern.quote(name).replace(ANY_KEY, "\\E(?:\\[[^\\]]+\\]|[^.]+)\\Q");
            if (concrete.matches(regex) || concrete.matches(regex + "\\[\\d+\\]")) {
                return true;
            }
        }
        return false;
    }

    static SortedSet<String> fromConfigurationProperties() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        SortedSet<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.accord.gateway")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), BoundProperties.class.getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            walk(prefix, type, names);
        }
        return names;
    }

    private static void walk(String prefix, Class<?> record, SortedSet<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            // @Name (for a component whose property is a Java keyword, such as default) sits on the record's field.
            org.springframework.boot.context.properties.bind.Name renamed;
            try {
                renamed = record.getDeclaredField(component.getName()).getAnnotation(org.springframework.boot.context.properties.bind.Name.class);
            }
            catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            add(prefix + "." + (renamed != null ? renamed.value() : kebab(component.getName())), component.getGenericType(), names);
        }
    }

    private static void add(String name, Type type, SortedSet<String> names) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Map.class.isAssignableFrom(raw)) {
                add(name + "." + ANY_KEY, parameterized.getActualTypeArguments()[1], names);
                return;
            }
            if (Collection.class.isAssignableFrom(raw)) {
                Type element = parameterized.getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    walk(name + "[]", elementClass, names);
                }
                else {
                    names.add(name);
                }
                return;
            }
        }
        if (type instanceof Class<?> simple && simple.isRecord()) {
            walk(name, simple, names);
            return;
        }
        if (type instanceof Class<?> leaf && !isLeaf(leaf)) {
            throw new IllegalStateException("Unexpected property type " + leaf + " for " + name);
        }
        names.add(name);
    }

    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type == String.class || type == Duration.class || type == Period.class || type == Path.class
                || type == URI.class;
    }

    static SortedSet<String> fromSources(Path root) {
        SortedSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".yml")
                            || path.toString().endsWith(".yaml") || path.toString().endsWith(".properties"))
                    .toList()) {
                String text = Files.readString(file);
                for (Pattern pattern : new Pattern[] { PLACEHOLDER, CONDITION }) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
