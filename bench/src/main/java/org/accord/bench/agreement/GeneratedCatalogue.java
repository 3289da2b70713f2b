package org.accord.bench.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes a large, valid agreements folder modelled on the shipped one: {@code organisationCount} organisations
 * of the shipped kinds (with the units those kinds have), and {@code agreementCount} agreements, each a shipped
 * agreement with its organisations, ICO registrations, id and purpose ids replaced. Purpose ids carry the
 * agreement number, so no two agreements cover the same transfer and the catalogue check passes.
 */
final class GeneratedCatalogue {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<Template> templates;
    private final Map<String, List<GeneratedOrganisation>> byKind = new LinkedHashMap<>();
    private final List<GeneratedOrganisation> organisations = new ArrayList<>();

    private record ShippedOrganisation(String id, String kind, String icoRegistration) {
    }

    private record GeneratedOrganisation(String id, String name, String kind, String icoRegistration, Set<String> units) {
    }

    private record Template(String id, String text, List<String> purposes) {
    }

    private final List<ShippedOrganisation> shipped = new ArrayList<>();

    private GeneratedCatalogue(Path shippedAgreements, int organisationCount) {
        JsonNode orgs = read(shippedAgreements.resolve("organisations.yaml")).get("organisations");
        Map<String, Set<String>> unitsByKind = new LinkedHashMap<>();
        for (JsonNode org : orgs) {
            String kind = org.get("kind").asString();
            shipped.add(new ShippedOrganisation(org.get("id").asString(), kind, org.get("icoRegistration").asString()));
            Set<String> units = unitsByKind.computeIfAbsent(kind, k -> new LinkedHashSet<>());
            if (org.has("units")) {
                org.get("units").forEach(unit -> units.add(unit.get("id").asString()));
            }
        }
        for (int i = 0; i < organisationCount; i++) {
            String kind = shipped.get(i % shipped.size()).kind();
            GeneratedOrganisation generated = new GeneratedOrganisation(String.format("%s-%03d", kind, i),
                    "Bench " + kind + " " + i, kind, String.format("ZB%07d", i), unitsByKind.get(kind));
            organisations.add(generated);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(generated);
        }
        templates = templates(shippedAgreements);
    }

    /** Writes {@code organisations.yaml} and the agreements into {@code target}; returns the agreement ids in order. */
    static List<String> write(Path shippedAgreements, Path target, int organisationCount, int agreementCount) {
        return new GeneratedCatalogue(shippedAgreements, organisationCount).writeTo(target, agreementCount);
    }

    private List<String> writeTo(Path target, int agreementCount) {
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve("organisations.yaml"), organisationsYaml(), StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < agreementCount; n++) {
                Template template = templates.get(n % templates.size());
                String id = String.format("isa-bench-%04d", n);
                Files.writeString(target.resolve(id + ".yaml"), instantiate(template, n, id), StandardCharsets.UTF_8);
                ids.add(id);
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String instantiate(Template template, int n, String id) {
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put(template.id(), id);
        Map<String, Integer> usedPerKind = new LinkedHashMap<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (int j = 0; j < shipped.size(); j++) {
            ShippedOrganisation original = shipped.get(j);
            List<GeneratedOrganisation> pool = byKind.get(original.kind());
            int step = usedPerKind.merge(original.kind(), 1, Integer::sum);
            int index = Math.floorMod(n * 37 + step * 53 + j * 11, pool.size());
            while (chosen.contains(pool.get(index).id())) {
                index = (index + 1) % pool.size();
            }
            GeneratedOrganisation replacement = pool.get(index);
            chosen.add(replacement.id());
            replacements.put(original.id(), replacement.id());
            replacements.put(original.icoRegistration(), replacement.icoRegistration());
        }
        for (String purpose : template.purposes()) {
            replacements.put(purpose, purpose + "-" + n);
        }
        Pattern tokens = Pattern.compile("(?<![A-Za-z0-9-])("
                + String.join("|", replacements.keySet().stream().map(Pattern::quote).toList())
                + ")(?![A-Za-z0-9-])");
        Matcher matcher = tokens.matcher(template.text());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacements.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String organisationsYaml() {
        StringBuilder yaml = new StringBuilder("# Generated for benchmarks; fictional.\norganisations:\n");
        for (GeneratedOrganisation org : organisations) {
            yaml.append("  - id: ").append(org.id()).append('\n')
                    .append("    name: ").append(org.name()).append('\n')
                    .append("    kind: ").append(org.kind()).append('\n')
                    .append("    icoRegistration: ").append(org.icoRegistration()).append('\n');
            if (!org.units().isEmpty()) {
                yaml.append("    units:\n");
                for (String unit : org.units()) {
                    yaml.append("      - id: ").append(unit).append('\n')
                            .append("        name: Unit ").append(unit).append('\n');
                }
            }
        }
        return yaml.toString();
    }

    private static List<Template> templates(Path shippedAgreements) {
        try (Stream<Path> files = Files.list(shippedAgreements)) {
            List<Template> templates = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") || name.equals("organisations.yaml")) {
                    continue;
                }
                JsonNode agreement = read(file);
                List<String> purposes = new ArrayList<>();
                agreement.get("purposes").forEach(p -> purposes.add(p.get("id").asString()));
                templates.add(new Template(agreement.get("id").asString(), Files.readString(file), purposes));
            }
            if (templates.isEmpty()) {
                throw new IllegalStateException("no agreements in " + shippedAgreements);
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
