package org.accord.gateway.docs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL of {@code deploy/monitoring/}: each alert's expression and each dashboard query, and the metric names
 * and label names they use. Enough of PromQL to find names: strings, label matchers, ranges and grouping clauses
 * are set aside, and a word followed by a parenthesis is a function.
 */
final class MonitoringQueries {

    static final Path ALERTS = Markdown.REPOSITORY.resolve("deploy/monitoring/accord-alerts.yaml");
    static final Path DASHBOARD = Markdown.REPOSITORY.resolve("deploy/monitoring/accord-dashboard.json");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private MonitoringQueries() {
    }

    /** Each alert's name and expression, in file order. */
    @SuppressWarnings("unchecked")
    static Map<String, String> alerts() {
        Map<String, String> alerts = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules().get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
            }
        }
        return alerts;
    }

    /** The alert rules as parsed. */
    static Map<String, Object> rules() {
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            return new Yaml().load(reader);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code expr} of every panel of the dashboard, rows' panels included. */
    static List<String> dashboardQueries() {
        try {
            List<String> queries = new ArrayList<>();
            collect(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)), queries);
            return queries;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of the alerts and the dashboard. */
    static List<String> all() {
        List<String> queries = new ArrayList<>(alerts().values());
        queries.addAll(dashboardQueries());
        return queries;
    }

    private static void collect(JsonNode node, List<String> queries) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    queries.add(field.getValue().asString());
                }
                else {
                    collect(field.getValue(), queries);
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(element -> collect(element, queries));
        }
    }

    /** The metric names a query reads. */
    static Set<String> metricNames(String query) {
        String text = STRING.matcher(query).replaceAll("\"\"");
        text = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^\\]]*]", " ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String rest = text.substring(word.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean partOfNumber = word.start() > 0 && Character.isDigit(text.charAt(word.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(word.group())) {
                names.add(word.group());
            }
        }
        return names;
    }

    /** For each metric a query selects with label matchers, the label names it matches on. */
    static Map<String, Set<String>> matchedLabels(String query) {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(query);
        while (selector.find()) {
            Matcher label = MATCHER_LABEL.matcher(STRING.matcher(selector.group(2)).replaceAll("\"\""));
            while (label.find()) {
                labels.computeIfAbsent(selector.group(1), name -> new TreeSet<>()).add(label.group(1));
            }
        }
        return labels;
    }
}
