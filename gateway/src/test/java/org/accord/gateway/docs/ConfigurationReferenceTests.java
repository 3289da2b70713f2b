package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/configuration.md} is the complete reference of the gateway's own properties: every {@code accord.*}
 * property the code binds is a row there, every row names a property the code binds, and a default it gives is the
 * one the packaged configuration sets.
 */
class ConfigurationReferenceTests {

    private static final Path REFERENCE = Markdown.REPOSITORY.resolve("docs/configuration.md");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void whenTheCodeBindsAnAccordPropertyThenTheReferenceDocumentsIt() throws IOException {
        SortedSet<String> bound = BoundProperties.all();
        assertThat(bound).as("properties found in the code").contains("accord.data-dir", "accord.delivery.max-attempts",
                "accord.partners.<*>.encryption-certificate");
        SortedSet<String> undocumented = new TreeSet<>(bound);
        undocumented.removeAll(documented().keySet());
        assertThat(undocumented).as("accord.* properties bound in the code but missing from docs/configuration.md").isEmpty();
    }

    @Test
    void whenTheReferenceNamesAPropertyThenTheCodeBindsIt() throws IOException {
        SortedSet<String> unknown = new TreeSet<>(documented().keySet());
        unknown.removeAll(BoundProperties.all());
        assertThat(unknown).as("properties in docs/configuration.md that the code does not bind").isEmpty();
    }

    @Test
    void whenThePackagedConfigurationSetsAnAccordPropertyThenTheCodeBindsIt() throws IOException {
        SortedSet<String> bound = BoundProperties.all();
        List<String> unbound = new ArrayList<>();
        for (String file : List.of("application.yml", "application-prod.yml")) {
            packaged(file).keySet().stream().filter(key -> key.startsWith("accord."))
                    .filter(key -> !BoundProperties.binds(bound, key))
                    .forEach(key -> unbound.add(file + ": " + key));
        }
        assertThat(unbound).as("keys of the packaged configuration that nothing binds (a typo is silently ignored)").isEmpty();
    }

    @Test
    void whenTheReferenceGivesADefaultThenThePackagedConfigurationHasTheSameValue() throws IOException {
        Map<String, Object> packaged = packagedDefaults();
        List<String> different = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        documented().forEach((name, defaultCell) -> {
            Matcher code = CODE.matcher(defaultCell);
            if (!packaged.containsKey(name) || !(packaged.get(name) instanceof String || packaged.get(name) instanceof Number
                    || packaged.get(name) instanceof Boolean) || !code.find()) {
                return;
            }
            String documentedDefault = code.group(1);
            if (code.find()) {
                return;
            }
            compared.add(name);
            if (!documentedDefault.equals(String.valueOf(packaged.get(name)))) {
                different.add(name + ": documented `" + documentedDefault + "`, packaged `" + packaged.get(name) + "`");
            }
        });
        assertThat(compared).as("defaults compared").hasSizeGreaterThan(30);
        assertThat(different).as("defaults in docs/configuration.md that differ from application.yml").isEmpty();
    }

    /** Each documented property (normalised) and its row's default cell. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            if (!line.startsWith("|") || line.startsWith("| ---") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|", -1);
            if (cells.length < 3) {
                continue;
            }
            Matcher code = CODE.matcher(cells[1]);
            while (code.find()) {
                if (code.group(1).startsWith("accord.")) {
                    documented.put(BoundProperties.normalise(code.group(1)), cells[2]);
                }
            }
        }
        return documented;
    }

    /** Every key of every document of a packaged configuration file, flattened. */
    private static Map<String, Object> packaged(String file) throws IOException {
        Map<String, Object> flat = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file))) {
            for (Object document : new Yaml().loadAll(reader)) {
                flatten("", document, flat);
            }
        }
        return flat;
    }

    /** The first document of application.yml: the defaults, before any profile. */
    private static Map<String, Object> packagedDefaults() throws IOException {
        Map<String, Object> flat = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", "application.yml"))) {
            flatten("", new Yaml().loadAll(reader).iterator().next(), flat);
        }
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        }
        else {
            flat.put(prefix, node);
        }
    }
}
