package org.accord.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.TestDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing of the API (jqwik) against one running gateway. Submissions are made from the record
 * schemas' examples and the envelope the OpenAPI document describes, then broken at random places (members
 * dropped, added, retyped, values from the schema or out of it), with random headers (content type, idempotency
 * key, credentials); every GET operation the OpenAPI document lists is called with random path and query values.
 * Every answer must be a status the OpenAPI document gives for the operation, never a 5xx, and a refusal must carry
 * a problem code the document names for that status and store nothing: no transfer, sealed copy or subject
 * reference, and no log entry but the refusal's own.
 */
class ApiFuzzingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> RECORD_TYPES = List.of("prevent-referral", "safeguarding-concern", "referral-outcome",
            "channel-information-request", "channel-information-response");
    private static final List<String> CLIENTS = List.of("uni-northbridge", "ctp-nw-prevent", "la-northbridge-channel",
            "accord-dpo");
    private static final List<String> RECIPIENTS = List.of("ctp-nw-prevent", "la-northbridge-channel", "uni-northbridge",
            "uni-northbridge/safeguarding-lead", "ctp-nw-prevent/duty", "no-such-partner");
    private static final List<String> PURPOSES = List.of("prevent-referral-assessment", "channel-panel-assessment",
            "internal-safeguarding-escalation", "referral-feedback", "no-such-purpose");

    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;
    private static JdbcTemplate database;
    private static JsonNode openApi;
    private static Map<String, JsonNode> schemas;

    @BeforeContainer
    static void start() throws IOException {
        Path root = TestDirs.create("accord-fuzz-");
        gateway = new SpringApplicationBuilder(AccordApplication.class)
                .run("--server.port=0", "--accord.data-dir=" + root.resolve("data"));
        client = GatewayClient.forContext(gateway);
        database = gateway.getBean(JdbcTemplate.class);
        openApi = client.get("/v3/api-docs", null).json();
        assertThat(parameterNames("/api/v1/records", "post", "header")).as("the submit call's documented headers")
                .contains("Idempotency-Key");
        schemas = new HashMap<>();
        for (String type : RECORD_TYPES) {
            schemas.put(type, JSON.readTree(Files.readString(
                    Fixtures.SCHEMAS.resolve("records").resolve(type + ".v1.schema.json"))));
        }
    }

    @AfterContainer
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property(tries = 200)
    void whenAnyEnvelopeIsSubmittedThenTheAnswerIsDocumentedAndARefusalStoresNothing(
            @ForAll("submissions") Submission submission) {
        Stored before = Stored.now();

        Response answer = client.post("/api/v1/records", submission.clientId(), submission.contentType(),
                submission.body(), submission.headers());

        assertDocumented("/api/v1/records", "post", answer, submission.toString());
        Stored after = Stored.now();
        if (answer.status() == 202 || (answer.status() == 200 && answer.json().path("repeated").asBoolean())) {
            assertThat(after.transfers()).isBetween(before.transfers(), before.transfers() + 1);
            return;
        }
        assertThat(after.transfers()).as("no transfer for a refusal: %s", submission).isEqualTo(before.transfers());
        assertThat(after.sealedMessages()).as("no sealed copy for a refusal").isEqualTo(before.sealedMessages());
        String refusalId = answer.json().path("refusalId").asString(null);
        // A refusal by agreement keeps the keyed references of the person it was about, under the refusal's own id,
        // so that a subject access request finds refusals too (docs/transfer-log.md); nothing else may be added.
        long refusalSubjects = refusalId == null ? 0
                : database.queryForObject("select count(*) from transfer_subject where transfer_id = ?", Long.class, refusalId);
        assertThat(after.subjects() - refusalSubjects).as("no other subject reference for a refusal").isEqualTo(before.subjects());
        if (refusalId != null) {
            assertThat(database.queryForObject("select count(*) from transfer where id = ?", Long.class, refusalId)).isZero();
            assertThat(database.queryForList("select event from transfer_log where transfer_id = ?", String.class, refusalId))
                    .as("the refusal is logged, and only the refusal").containsExactly("REFUSED");
        }
    }

    @Property(tries = 100)
    void whenAnyDocumentedReadIsCalledWithRandomValuesThenTheAnswerIsDocumented(@ForAll("reads") Read read) {
        Response answer = read.clientId() == null && read.bearer() != null
                ? client.getWithToken(read.path(), read.bearer())
                : client.get(read.path(), read.clientId());

        assertDocumented(read.template(), "get", answer, read.toString());
    }

    private static void assertDocumented(String template, String method, Response answer, String request) {
        JsonNode responses = openApi.path("paths").path(template).path(method).path("responses");
        assertThat(answer.status()).as("no 5xx for %s", request).isLessThan(500);
        assertThat(names(responses)).as("documented statuses of %s %s, for %s", method, template, request)
                .contains(String.valueOf(answer.status()));
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("a problem for %s", request).startsWith("application/problem+json");
            String code = answer.code();
            assertThat(code).as("a problem code for %s", request).isNotBlank();
            assertThat(responses.path(String.valueOf(answer.status())).path("description").asString())
                    .as("the OpenAPI document names code %s for status %d of %s %s", code, answer.status(), method, template)
                    .contains(code);
        }
    }

    @Provide
    Arbitrary<Submission> submissions() {
        Arbitrary<String> recordType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(RECORD_TYPES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(70)));
        Arbitrary<ObjectNode> anyEnvelope = Combinators.combine(recordType, Arbitraries.of(RECIPIENTS), Arbitraries.of(PURPOSES))
                .as((type, recipient, purpose) -> {
                    ObjectNode record = RECORD_TYPES.contains(type) ? Fixtures.example(type) : NODES.objectNode();
                    return Fixtures.submission(type, recipient, purpose, record);
                });
        // Flows the demo agreements allow the university, so that unbroken submissions are accepted.
        Arbitrary<ObjectNode> agreedEnvelope = Arbitraries.of(
                List.of("prevent-referral", "ctp-nw-prevent", "prevent-referral-assessment"),
                List.of("safeguarding-concern", "uni-northbridge/safeguarding-lead", "internal-safeguarding-escalation"))
                .map(flow -> Fixtures.submission(flow.get(0), flow.get(1), flow.get(2), Fixtures.example(flow.get(0))));
        Arbitrary<ObjectNode> envelope = Arbitraries.frequencyOf(Tuple.of(1, agreedEnvelope), Tuple.of(1, anyEnvelope));
        // A quarter of the submissions stay as the example has them (most are then accepted), the rest are broken.
        Arbitrary<List<Mutation>> mutations = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<Mutation>of())),
                Tuple.of(3, mutation().list().ofMinSize(1).ofMaxSize(4)));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just("application/json; charset=UTF-8")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "*/*",
                        "application/json; charset=UTF-16", "nonsense")),
                Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<String> caller = Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just("uni-northbridge")),
                Tuple.of(3, Arbitraries.of(CLIENTS)),
                Tuple.of(1, Arbitraries.just((String) null)));
        // The request headers the OpenAPI document gives for the operation (Idempotency-Key), each absent or fuzzed.
        List<String> documentedHeaders = parameterNames("/api/v1/records", "post", "header");
        Arbitrary<Map<String, String>> headers = Combinators.combine(idempotencyKey().list().ofSize(documentedHeaders.size()),
                badAuthorization())
                .as((values, authorization) -> {
                    Map<String, String> all = new LinkedHashMap<>();
                    for (int i = 0; i < documentedHeaders.size(); i++) {
                        if (values.get(i) != null) {
                            all.put(documentedHeaders.get(i), values.get(i));
                        }
                    }
                    if (authorization != null) {
                        all.put("Authorization", authorization);
                    }
                    return all;
                });
        Arbitrary<Integer> bodyShape = Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 4)));
        return Combinators.combine(envelope, mutations, contentType, caller, headers, bodyShape, Arbitraries.longs())
                .as((base, changes, type, clientId, extra, shape, seed) -> {
                    ObjectNode tree = base.deepCopy();
                    for (Mutation change : changes) {
                        tree = change.apply(tree, schemas);
                    }
                    byte[] body = body(tree, shape, seed);
                    // A caller with a broken Authorization header sends no token of its own.
                    String sender = extra.containsKey("Authorization") ? null : clientId;
                    return new Submission(sender, type, body, extra, changes.toString(), shape);
                });
    }

    @Provide
    Arbitrary<Read> reads() {
        List<String> templates = new ArrayList<>();
        openApi.path("paths").properties().forEach(path -> {
            if (path.getValue().has("get") && path.getKey().startsWith("/api/")) {
                templates.add(path.getKey());
            }
        });
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(300)),
                Tuple.of(1, Arbitraries.of("0", "-1", "99999999999999999999", "true", "2026-13-45", "1e309", "NaN", "..", "%00",
                        "' or 1=1 --", "<script>", "null", "[]", "{}")));
        Arbitrary<String> caller = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(CLIENTS)),
                Tuple.of(1, Arbitraries.just((String) null)));
        return Combinators.combine(Arbitraries.of(templates), value.list().ofMaxSize(4), value, caller, badAuthorization())
                .as((template, values, pathValue, clientId, bearer) -> {
                    String path = template.replaceAll("\\{[^}]+}", encode(pathValue));
                    List<String> names = queryNames(template);
                    StringBuilder query = new StringBuilder();
                    Iterator<String> next = values.iterator();
                    for (String name : names) {
                        if (next.hasNext()) {
                            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(next.next()));
                        }
                    }
                    String token = bearer == null ? null : bearer.replaceFirst("^Bearer ", "");
                    return new Read(template, path + query, bearer == null ? clientId : null, token);
                });
    }

    private static List<String> queryNames(String template) {
        return parameterNames(template, "get", "query");
    }

    private static List<String> parameterNames(String template, String method, String in) {
        List<String> names = new ArrayList<>();
        openApi.path("paths").path(template).path(method).path("parameters").forEach(parameter -> {
            if (in.equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        });
        return names;
    }

    private static Arbitrary<String> idempotencyKey() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of("", " ", "x".repeat(201), "tab\there", "é-key")));
    }

    private static Arbitrary<String> badAuthorization() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("Bearer", "Bearer ", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")));
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<JsonNode> broken = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(60).map(NODES::textNode),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(5000).map(NODES::textNode),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) NODES.arrayNode().add(s)));
        return Combinators.combine(Arbitraries.of(Mutation.Kind.values()), Arbitraries.integers().between(0, 10_000),
                broken, Arbitraries.strings().ofMinLength(1).ofMaxLength(30))
                .as(Mutation::new);
    }

    private static byte[] body(ObjectNode tree, int shape, long seed) {
        byte[] json = Fixtures.json(tree).getBytes(StandardCharsets.UTF_8);
        return switch (shape) {
            case 1 -> Arrays.copyOf(json, (int) Math.floorMod(seed, (long) json.length));
            case 2 -> (Fixtures.json(tree) + " {}").getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xff, (byte) 0xfe, '{', (byte) (seed & 0x7f), '}'};
            case 4 -> ("[" + Fixtures.json(tree) + "]").getBytes(StandardCharsets.UTF_8);
            default -> json;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * One change to a submission at the place {@code selector} picks among all its members and items: drop it,
     * replace it with a value its schema allows or with {@code broken}, or add an unexpected member beside it.
     */
    record Mutation(Kind kind, int selector, JsonNode broken, String name) {

        enum Kind { DROP, BREAK, FROM_SCHEMA, ADD_MEMBER }

        ObjectNode apply(ObjectNode root, Map<String, JsonNode> schemas) {
            List<Place> places = new ArrayList<>();
            collect(root, "", places);
            if (places.isEmpty()) {
                return root;
            }
            Place place = places.get(selector % places.size());
            switch (kind) {
                case DROP -> place.remove();
                case BREAK -> place.set(broken);
                case ADD_MEMBER -> {
                    if (place.parent() instanceof ObjectNode object) {
                        object.set(name, broken);
                    }
                }
                case FROM_SCHEMA -> {
                    JsonNode schema = schemaAt(schemas.get(root.path("recordType").asString("")), place.pointer());
                    place.set(fromSchema(schema));
                }
            }
            return root;
        }

        private JsonNode fromSchema(JsonNode schema) {
            if (schema == null) {
                return broken;
            }
            if (schema.has("enum") && !schema.get("enum").isEmpty()) {
                return schema.get("enum").get(selector % schema.get("enum").size());
            }
            if (schema.has("const")) {
                return schema.get("const");
            }
            String type = schema.path("type").asString("");
            int maxLength = schema.path("maxLength").asInt(-1);
            return switch (type) {
                case "string" -> NODES.textNode(maxLength >= 0 ? "x".repeat(maxLength + (selector % 2)) : broken.toString());
                case "integer" -> NODES.numberNode(schema.path("maximum").asLong(selector) + (selector % 2));
                case "boolean" -> NODES.booleanNode(selector % 2 == 0);
                case "array" -> NODES.arrayNode();
                case "object" -> NODES.objectNode();
                default -> broken;
            };
        }

        private static JsonNode schemaAt(JsonNode schema, String pointer) {
            if (schema == null || !pointer.startsWith("/record")) {
                return null;
            }
            JsonNode current = schema;
            for (String step : pointer.substring("/record".length()).split("/")) {
                if (step.isEmpty()) {
                    continue;
                }
                current = resolve(schema, current);
                if (current.has("properties") && current.get("properties").has(step)) {
                    current = current.get("properties").get(step);
                } else if (current.has("items")) {
                    current = current.get("items");
                } else {
                    return null;
                }
            }
            return resolve(schema, current);
        }

        private static JsonNode resolve(JsonNode root, JsonNode node) {
            String ref = node.path("$ref").asString("");
            if (ref.startsWith("#/")) {
                return root.at(ref.substring(1));
            }
            return node;
        }

        private static void collect(JsonNode node, String pointer, List<Place> places) {
            if (node instanceof ObjectNode object) {
                for (String member : new ArrayList<>(object.propertyNames())) {
                    places.add(new Place(object, member, -1, pointer + "/" + member));
                    collect(object.get(member), pointer + "/" + member, places);
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    places.add(new Place(array, null, i, pointer + "/" + i));
                    collect(array.get(i), pointer + "/" + i, places);
                }
            }
        }

        @Override
        public String toString() {
            return kind + "#" + selector + (kind == Kind.ADD_MEMBER ? "(" + name + ")" : "")
                    + (kind == Kind.BREAK || kind == Kind.ADD_MEMBER ? "=" + abbreviate(broken.toString()) : "");
        }

        private static String abbreviate(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }

    /** A member of an object or an item of an array. */
    record Place(JsonNode parent, String member, int index, String pointer) {

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(member);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(member, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    record Submission(String clientId, String contentType, byte[] body, Map<String, String> headers, String mutations,
            int bodyShape) {

        @Override
        public String toString() {
            return "Submission[client=" + clientId + ", contentType=" + contentType + ", headers=" + headers.keySet()
                    + ", mutations=" + mutations + ", bodyShape=" + bodyShape + ", body="
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8) + "]";
        }
    }

    record Read(String template, String path, String clientId, String bearer) {
    }

    /** What a refusal must not add to. */
    record Stored(long transfers, long sealedMessages, long subjects) {

        static Stored now() {
            return new Stored(count("transfer"), count("sealed_message"), count("transfer_subject"));
        }

        private static long count(String table) {
            return database.queryForObject("select count(*) from " + table, Long.class);
        }
    }
}
