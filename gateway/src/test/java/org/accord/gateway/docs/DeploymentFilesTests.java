package org.accord.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files for platforms this machine cannot run ({@code deploy/Dockerfile}, {@code deploy/compose.yaml},
 * {@code deploy/k8s/}, {@code deploy/monitoring/}) agree with the gateway: their ports are the ports it listens on,
 * their probes are health groups it enables, every property and environment variable they set is one it binds, the
 * profile is {@code prod}, the JVM options are those of {@code docs/operations.md}, the copies of configuration and
 * agreements are the files they copy, and every {@code accord_*} metric the alerts and the dashboard read is one the
 * code registers. {@link DeploymentMetricsIntegrationTests} checks every metric name against a running gateway.
 */
class DeploymentFilesTests {

    private static final Path DEPLOY = Markdown.REPOSITORY.resolve("deploy");
    private static final Path DOCKERFILE = DEPLOY.resolve("Dockerfile");
    private static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    private static final Path GATEWAY_CONFIG = DEPLOY.resolve("gateway/application-prod.yml");
    private static final Path HAPROXY = DEPLOY.resolve("compose/haproxy.cfg");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final Path K8S_SECRETS = K8S.resolve("secrets/accord-secrets.yaml");
    private static final String PROFILE = "--spring.profiles.active=prod";
    /** The ahead-of-time cache's warnings off (many, and harmless), its errors kept. */
    private static final String QUIET_CACHE = "-Xlog:aot*=error";

    /** What Java 25 allows with a warning, said allowed: the same in the training start and the real one. */
    private static final List<String> ACKNOWLEDGED = List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    private static final List<String> GATEWAY_SERVICES = List.of("gateway-1", "gateway-2");
    private static final List<String> TOPOLOGY = List.of("postgres", "artemis-primary", "artemis-backup", "identity-provider",
            "gateway-1", "gateway-2", "haproxy");
    private static final Pattern ETC_ACCORD_PATH = Pattern.compile("(/etc/accord/[A-Za-z0-9._/-]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern HOST = Pattern.compile("//([a-z0-9-]+):\\d+");
    private static final Pattern METER = Pattern.compile(
            "\\b(Counter|Gauge|Timer|DistributionSummary|FunctionCounter|LongTaskTimer)\\.builder\\(\\s*(\"([a-z0-9.]+)\"|([A-Z_]+))");

    private static final SortedSet<String> BOUND = BoundProperties.all();
    private static final SpringProperties SPRING = SpringProperties.onClassPath();

    // --- The Dockerfile --------------------------------------------------------------------------------------------

    @Test
    void whenTheBrokerIsExternalThenItsDeliveryQueueLetsNoConsumerBufferRoutineTransfersAheadOfAnUrgentOne() {
        String broker = read(DEPLOY.resolve("artemis/broker.xml"));
        int start = broker.indexOf("<address-setting match=\"accord.outbound.delivery\">");
        assertThat(start).as("the delivery queue's address setting").isNotNegative();
        String setting = broker.substring(start, broker.indexOf("</address-setting>", start));
        assertThat(setting).contains("<default-consumer-window-size>0</default-consumer-window-size>");
        assertThat(read(Markdown.REPOSITORY.resolve("gateway/src/main/java/org/accord/gateway/delivery/BrokerRedelivery.java")))
                .as("the embedded broker's delivery queue").contains(".setDefaultConsumerWindowSize(0)");
    }

    @Test
    void whenTheGatewayKnowsAScopeThenTheIdentityProviderMayGrantIt() throws IllegalAccessException {
        String known = read(DEPLOY.resolve("identity-provider/src/main/java/org/accord/identity/AccordScopes.java"));
        List<String> scopes = new ArrayList<>();
        for (java.lang.reflect.Field field : org.accord.gateway.security.Scopes.class.getFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                String scope = (String) field.get(null);
                if (!scope.endsWith(":")) {
                    scopes.add(scope);
                }
            }
        }
        assertThat(scopes).as("the gateway's scopes").contains("audit:read", "metrics:read");
        assertThat(scopes).as("scopes the identity provider refuses to register (AccordScopes)")
                .allMatch(scope -> known.contains('"' + scope + '"'));
    }

    @Test
    void whenTheImageIsBuiltThenItRunsTheExecJarExtractedInLayersWithTheDocumentedJvmOptionsAndTheProdProfile() {
        List<String> entrypoint = entrypoint();
        int jar = entrypoint.indexOf("-jar");
        List<String> options = entrypoint.subList(1, jar);
        String cache = options.stream().filter(o -> o.startsWith("-XX:AOTCache=")).findFirst().orElseThrow();

        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(besides(options, "the image's start", cache)).as("JVM options of the image (besides the cache) against docs/operations.md")
                .isEqualTo(documentedJvmOptions());
        assertThat(entrypoint.subList(jar + 2, entrypoint.size())).as("arguments").contains(PROFILE);
        for (String argument : entrypoint.subList(jar + 2, entrypoint.size())) {
            assertThat(bound(argument.substring(2, argument.indexOf('=')))).as(argument + " binds a property").isTrue();
        }
        assertThat(dockerfile("FROM")).as("a Java 25 runtime in every stage, for its ahead-of-time cache").allMatch(from -> from.contains("25")
                || from.startsWith("${JAVA_IMAGE}"));
        assertThat(dockerfile("ARG")).anyMatch(arg -> arg.matches("JAVA_IMAGE=.*:25-jre.*"));
        assertThat(dockerfile("COPY")).anyMatch(copy -> copy.startsWith("gateway/target/accord-gateway-*-exec.jar "));
        assertThat(read(Markdown.REPOSITORY.resolve("gateway/pom.xml"))).contains("<classifier>exec</classifier>");
        assertThat(dockerfile("RUN")).anyMatch(run -> run.contains("java -Djarmode=tools -jar " + entrypoint.get(jar + 1)
                + " extract --layers"));
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile("COPY")).as("layer " + layer).anyMatch(copy -> copy.contains("/extracted/" + layer + "/ "));
        }
    }

    @Test
    void whenTheImageIsBuiltThenItsAheadOfTimeCacheIsRecordedByATrainingStartWithTheSameOptionsAndJar() {
        List<String> entrypoint = entrypoint();
        int jar = entrypoint.indexOf("-jar");
        String cache = entrypoint.stream().filter(o -> o.startsWith("-XX:AOTCache=")).findFirst().orElseThrow()
                .substring("-XX:AOTCache=".length());
        String training = dockerfile("RUN").stream().filter(run -> run.contains("-XX:AOTCacheOutput=")).findFirst().orElseThrow();
        List<String> words = List.of(training.split("\\s+"));
        List<String> options = words.subList(words.indexOf("java") + 1, words.indexOf("-jar"));

        assertThat(options).contains("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh");
        assertThat(besides(options, "the training start", "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"))
                .as("the training start's JVM options").isEqualTo(documentedJvmOptions());
        assertThat(words.get(words.indexOf("-jar") + 1)).isEqualTo(entrypoint.get(jar + 1));
    }

    @Test
    void whenTheImageRunsThenItsUserIsNotRootAndItExposesTheGatewaysPorts() {
        assertThat(uid()).isPositive();
        assertThat(dockerfile("EXPOSE")).hasSize(1);
        assertThat(Set.of(dockerfile("EXPOSE").get(0).split("\\s+"))).isEqualTo(Set.of(serverPort(), inboundPort()));
    }

    // --- The gateway's configuration -------------------------------------------------------------------------------

    @Test
    void whenTheGatewayConfigurationIsReadThenEveryKeyIsOneTheGatewayBindsAndItsPortsAreTheDefaults() {
        Map<String, Object> config = flatten(yaml(GATEWAY_CONFIG));
        List<String> unbound = config.keySet().stream().filter(key -> !bound(key)).toList();

        assertThat(SPRING.size()).as("Spring properties found in metadata").isGreaterThan(500);
        assertThat(unbound).as("keys of deploy/gateway/application-prod.yml that nothing binds").isEmpty();
        assertThat(String.valueOf(config.getOrDefault("server.port", serverPort()))).isEqualTo(serverPort());
        assertThat(String.valueOf(config.get("accord.inbound.tls.port"))).isEqualTo(inboundPort());
        assertThat(config).containsEntry("accord.inbound.tls.enabled", true)
                .containsEntry("spring.datasource.username", "accord_app")
                .containsEntry("spring.flyway.user", "accord_owner")
                .containsEntry("spring.flyway.locations", "classpath:db/migration,classpath:db/postgresql")
                .containsEntry("spring.flyway.placeholders.app_role", "accord_app")
                .containsEntry("spring.artemis.mode", "native");
        assertThat(String.valueOf(config.get("spring.security.oauth2.resourceserver.jwt.issuer-uri"))).isNotBlank();
    }

    @Test
    void whenTheGatewayConfigurationNamesAHostThenItIsAServiceOfTheTopology() {
        Map<String, Object> config = flatten(yaml(GATEWAY_CONFIG));
        Set<String> hosts = new TreeSet<>();
        for (String key : List.of("spring.datasource.url", "spring.artemis.broker-url",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "spring.security.oauth2.client.provider.accord.issuer-uri")) {
            Matcher host = HOST.matcher(String.valueOf(config.get(key)));
            while (host.find()) {
                hosts.add(host.group(1));
            }
        }

        assertThat(hosts).containsExactlyInAnyOrder("postgres", "artemis-primary", "artemis-backup", "identity-provider");
        assertThat(services().keySet()).containsAll(hosts);
    }

    // --- compose.yaml ----------------------------------------------------------------------------------------------

    @Test
    void whenComposeRunsTheTopologyThenEveryPieceIsThereAndTheGatewaysAreBuiltFromTheDockerfile() {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(TOPOLOGY);
        for (String name : GATEWAY_SERVICES) {
            Map<String, Object> gateway = services.get(name);
            Map<String, Object> build = map(gateway.get("build"));
            assertThat(DEPLOY.resolve(String.valueOf(build.get("context"))).normalize()).isEqualTo(Markdown.REPOSITORY);
            assertThat(Markdown.REPOSITORY.resolve(String.valueOf(build.get("dockerfile")))).isEqualTo(DOCKERFILE);
            assertThat(gateway.get("user")).isEqualTo(uid() + ":" + uid());
            assertThat(gateway.get("read_only")).isEqualTo(true);
            assertThat(strings(gateway.get("cap_drop"))).containsExactly("ALL");
            assertThat(map(gateway.get("depends_on")).keySet()).contains("postgres", "artemis-primary", "identity-provider");
            assertThat(strings(gateway.get("ports"))).as(name + " publishes the inbound listener only; the API goes through HAProxy")
                    .isNotEmpty().allMatch(port -> port.endsWith(":" + inboundPort()));
            String check = String.join(" ", strings(map(gateway.get("healthcheck")).get("test")));
            assertThat(check).as(name + " health check").contains("/" + serverPort() + " ", readinessPath());
        }
    }

    @Test
    void whenComposeGivesTheGatewaysTheirFilesThenTheyLandWhereTheConfigurationLooks() {
        Map<String, Object> config = flatten(yaml(GATEWAY_CONFIG));
        for (String name : GATEWAY_SERVICES) {
            Map<String, Object> gateway = services().get(name);
            Map<String, String> mounts = new LinkedHashMap<>();
            for (String volume : strings(gateway.get("volumes"))) {
                String[] parts = volume.split(":");
                mounts.put(parts[1], parts[0]);
            }
            assertThat(mounts).containsEntry(configLocation() + "application-prod.yml", "./gateway/application-prod.yml")
                    .containsEntry(String.valueOf(config.get("accord.agreements.directory")), "../agreements")
                    .containsEntry(String.valueOf(config.get("accord.schemas.directory")), "../schemas");
            assertThat(strings(gateway.get("tmpfs"))).contains("/tmp", String.valueOf(config.get("accord.data-dir")));
            for (String path : pathsUnderEtcAccord(config)) {
                assertThat(mounts.keySet()).as(name + " mounts " + path).anyMatch(target -> path.startsWith(target + "/"));
            }
            List<String> secretFiles = new ArrayList<>();
            for (Object secret : (List<?>) gateway.get("secrets")) {
                String target = String.valueOf(map(secret).get("target"));
                assertThat(target).startsWith(secretsDir() + "/");
                secretFiles.add(target.substring(secretsDir().length() + 1));
            }
            assertSecretFilesSetBoundPropertiesOrPlaceholders(name, secretFiles);
            assertThat(stringsOrEmpty(gateway.get("environment"))).allMatch(DeploymentFilesTests::boundEnvironmentVariable);
        }
    }

    @Test
    void whenComposeStartsTheIdentityProviderThenItsIssuerIsTheOneTheGatewaysTrust() {
        Map<String, Object> config = flatten(yaml(GATEWAY_CONFIG));
        String issuer = strings(services().get("identity-provider").get("command")).stream()
                .filter(argument -> argument.startsWith("--spring.security.oauth2.authorizationserver.issuer="))
                .map(argument -> argument.substring(argument.indexOf('=') + 1)).findFirst().orElseThrow();

        assertThat(config).containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer)
                .containsEntry("spring.security.oauth2.client.provider.accord.issuer-uri", issuer);
    }

    @Test
    void whenHaproxyChecksTheGatewaysThenItAsksTheReadinessGroupOnTheServerPortOfEachGateway() {
        String haproxy = read(HAPROXY);
        Matcher check = Pattern.compile("http-check send meth GET uri (\\S+)").matcher(haproxy);
        Matcher server = Pattern.compile("(?m)^\\s*server (\\S+) (\\S+):(\\d+) check").matcher(haproxy);
        List<String> servers = new ArrayList<>();
        while (server.find()) {
            assertThat(server.group(2)).isEqualTo(server.group(1));
            assertThat(server.group(3)).isEqualTo(serverPort());
            servers.add(server.group(2));
        }

        assertThat(check.find()).isTrue();
        assertThat(check.group(1)).isEqualTo(readinessPath());
        assertThat(servers).containsExactlyElementsOf(GATEWAY_SERVICES);
        assertThat(strings(map(services().get("haproxy")).get("volumes"))).contains("./compose/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
    }

    // --- Kubernetes ------------------------------------------------------------------------------------------------

    @Test
    void whenKubernetesRunsTheGatewaysThenTwoReplicasAreProbedOnTheActuatorGroupsAtTheServerPort() {
        Map<String, Object> deployment = k8s("Deployment", "accord-gateway");
        Map<String, Object> spec = map(deployment.get("spec"));
        Map<String, Object> container = container();
        Map<String, Integer> ports = containerPorts(container);

        assertThat(spec.get("replicas")).isEqualTo(2);
        assertThat(ports.values()).containsExactlyInAnyOrder(Integer.valueOf(serverPort()), Integer.valueOf(inboundPort()));
        assertThat(probePath(container, "livenessProbe")).isEqualTo(actuatorBase() + "/health/liveness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo(readinessPath());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            assertThat(healthGroupPaths()).as(probe).contains(String.valueOf(httpGet.get("path")));
            Object port = httpGet.get("port");
            assertThat(port instanceof Integer number ? number : ports.get(String.valueOf(port))).as(probe + " port")
                    .isEqualTo(Integer.valueOf(serverPort()));
        }
        assertThat(String.valueOf(map(map(spec.get("template")).get("metadata")).get("annotations")))
                .contains("prometheus.io/path=" + actuatorBase() + "/prometheus");
        assertThat(read(Markdown.REPOSITORY.resolve("gateway/src/main/resources/application.yml")))
                .containsPattern("include: .*\\bprometheus\\b").containsPattern("include: .*\\bhealth\\b");
    }

    @Test
    void whenKubernetesRunsAGatewayThenItsPodIsLockedDownAndSizedForTheHeap() {
        Map<String, Object> pod = podSpec();
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        Map<String, Object> container = container();
        Map<String, Object> security = map(container.get("securityContext"));
        Map<String, Object> resources = map(container.get("resources"));

        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", uid())
                .containsEntry("fsGroup", uid());
        assertThat(map(podSecurity.get("seccompProfile"))).containsEntry("type", "RuntimeDefault");
        assertThat(security).containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true);
        assertThat(strings(map(security.get("capabilities")).get("drop"))).containsExactly("ALL");
        assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(map(resources.get("requests")).keySet()).contains("cpu", "memory");
        long limit = bytes(String.valueOf(map(resources.get("limits")).get("memory")));
        long heap = bytes(documentedJvmOptions().stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow().substring(4));
        assertThat(limit).as("memory limit against -Xmx").isGreaterThanOrEqualTo(2 * heap);
        assertThat(bytes(String.valueOf(map(resources.get("requests")).get("memory")))).isEqualTo(limit);
        assertThat(image(container)).isEqualTo(String.valueOf(services().get("gateway-1").get("image")));
    }

    @Test
    void whenKubernetesMountsTheGatewaysFilesThenEveryPathOfTheConfigurationIsThereAndTheRootIsReadOnly() {
        Map<String, Object> config = flatten(yaml(GATEWAY_CONFIG));
        Map<String, Map<String, Object>> volumes = volumes();
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object mount : (List<?>) container().get("volumeMounts")) {
            mounts.put(String.valueOf(map(mount).get("mountPath")), String.valueOf(map(mount).get("name")));
        }

        assertThat(volumes.get(mounts.get("/tmp"))).containsKey("emptyDir");
        assertThat(volumes.get(mounts.get(String.valueOf(config.get("accord.data-dir"))))).containsKey("emptyDir");
        assertThat(map(volumes.get(mounts.get(configLocation().replaceAll("/$", ""))).get("configMap"))).containsEntry("name", "accord-gateway");
        assertThat(map(volumes.get(mounts.get(String.valueOf(config.get("accord.agreements.directory")))).get("configMap")))
                .containsEntry("name", "accord-agreements");
        assertThat(map(volumes.get(mounts.get(String.valueOf(config.get("accord.schemas.directory")))).get("configMap")))
                .containsEntry("name", "accord-schemas");
        Map<String, Object> passwords = map(volumes.get(mounts.get(secretsDir())).get("secret"));
        List<String> secretFiles = ((List<?>) passwords.get("items")).stream().map(item -> String.valueOf(map(item).get("path"))).toList();
        assertSecretFilesSetBoundPropertiesOrPlaceholders("the Deployment", secretFiles);
        assertThat(((List<?>) passwords.get("items")).stream().map(item -> String.valueOf(map(item).get("key"))).toList())
                .as("password keys in the Secret template").allMatch(key -> secretTemplate(String.valueOf(passwords.get("secretName"))).contains(key));

        for (String path : pathsUnderEtcAccord(config)) {
            String mountPath = mounts.keySet().stream().filter(m -> path.startsWith(m + "/")).findFirst().orElse(null);
            assertThat(mountPath).as("a volume mounted above " + path).isNotNull();
            Map<String, Object> secret = map(volumes.get(mounts.get(mountPath)).get("secret"));
            assertThat(secret).as(path + " comes from a Secret").isNotEmpty();
            assertThat(secretTemplate(String.valueOf(secret.get("secretName")))).as(path + " is a key of its Secret")
                    .contains(path.substring(mountPath.length() + 1));
        }
        for (Object env : listOrEmpty(container().get("env"))) {
            assertThat(boundEnvironmentVariable(map(env).get("name") + "=")).as(String.valueOf(map(env).get("name"))).isTrue();
        }
    }

    @Test
    void whenKubernetesHoldsCopiesOfTheConfigurationAndAgreementsThenTheyEqualTheFilesTheyCopy() throws IOException {
        Map<String, String> gateway = data(k8s("ConfigMap", "accord-gateway"));
        Map<String, String> agreements = data(k8s("ConfigMap", "accord-agreements"));
        Map<String, String> schemas = data(k8s("ConfigMap", "accord-schemas"));
        String regenerate = " (run deploy/k8s/configmaps.sh)";

        assertThat(gateway).as("accord-gateway" + regenerate).isEqualTo(Map.of("application-prod.yml", read(GATEWAY_CONFIG)));
        assertThat(agreements).as("accord-agreements" + regenerate).isEqualTo(files(Markdown.REPOSITORY.resolve("agreements"), ".yaml"));
        Map<String, String> expectedSchemas = new TreeMap<>(files(Markdown.REPOSITORY.resolve("schemas/records"), ".schema.json"));
        expectedSchemas.put("agreement.schema.json", read(Markdown.REPOSITORY.resolve("schemas/agreement.schema.json")));
        assertThat(schemas).as("accord-schemas" + regenerate).isEqualTo(expectedSchemas);

        Map<String, String> placed = new TreeMap<>();
        for (Object item : (List<?>) map(volumes().get("schemas").get("configMap")).get("items")) {
            placed.put(String.valueOf(map(item).get("key")), String.valueOf(map(item).get("path")));
        }
        Map<String, String> expectedPlaces = new TreeMap<>();
        schemas.keySet().forEach(key -> expectedPlaces.put(key, key.equals("agreement.schema.json") ? key : "records/" + key));
        assertThat(placed).as("each schema placed where the loader looks, in deployment.yaml").isEqualTo(expectedPlaces);
    }

    @Test
    void whenKubernetesRoutesToTheGatewaysThenServicesPoliciesAndTheBudgetAgreeWithThePods() {
        Map<String, Object> podLabels = map(map(map(map(k8s("Deployment", "accord-gateway").get("spec")).get("template")).get("metadata")).get("labels"));
        Map<String, Integer> ports = containerPorts(container());
        Set<Integer> servicePorts = new TreeSet<>();
        for (Map<String, Object> service : k8sAll("Service")) {
            Map<String, Object> spec = map(service.get("spec"));
            assertThat(podLabels).containsAllEntriesOf(map(spec.get("selector")));
            for (Object port : (List<?>) spec.get("ports")) {
                Object target = map(port).get("targetPort");
                Integer targetPort = target instanceof Integer number ? number : ports.get(String.valueOf(target));
                assertThat(targetPort).as(service + " targets a container port").isNotNull().isEqualTo(map(port).get("port"));
                servicePorts.add(targetPort);
            }
        }
        assertThat(servicePorts).containsExactlyInAnyOrder(Integer.valueOf(serverPort()), Integer.valueOf(inboundPort()));

        Map<String, Object> budget = map(k8s("PodDisruptionBudget", "accord-gateway").get("spec"));
        assertThat(budget).containsEntry("minAvailable", 1);
        assertThat(podLabels).containsAllEntriesOf(map(map(budget.get("selector")).get("matchLabels")));

        Map<String, Object> policy = map(k8s("NetworkPolicy", "accord-gateway").get("spec"));
        assertThat(podLabels).containsAllEntriesOf(map(map(policy.get("podSelector")).get("matchLabels")));
        assertThat(strings(policy.get("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policyPorts(policy.get("ingress"))).containsExactlyInAnyOrder(Integer.valueOf(serverPort()), Integer.valueOf(inboundPort()));
        assertThat(policyPorts(policy.get("egress"))).contains(5432, 61617, 9000, 443, 53);
    }

    @Test
    void whenTheKubernetesFilesAreReadThenEachObjectLivesInTheAccordNamespace() {
        List<Map<String, Object>> objects = new ArrayList<>(k8sObjects(K8S));
        objects.addAll(documents(K8S_SECRETS));
        for (Map<String, Object> object : objects) {
            Map<String, Object> metadata = map(object.get("metadata"));
            if ("Namespace".equals(object.get("kind"))) {
                assertThat(metadata).containsEntry("name", "accord");
                assertThat(map(metadata.get("labels"))).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
            }
            else {
                assertThat(metadata).as(object.get("kind") + " " + metadata.get("name")).containsEntry("namespace", "accord");
            }
        }
        assertThat(objects).extracting(object -> object.get("kind")).contains("Namespace", "Deployment", "Service",
                "PodDisruptionBudget", "NetworkPolicy", "ConfigMap", "Secret");
    }

    // --- Monitoring ------------------------------------------------------------------------------------------------

    @Test
    void whenTheAlertsAndTheDashboardReadAnAccordMetricThenTheGatewayRegistersIt() {
        Set<String> registered = prometheusNamesOfMetersInTheCode();
        Set<String> unknown = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (String query : MonitoringQueries.all()) {
            for (String name : MonitoringQueries.metricNames(query)) {
                read.add(name);
                if (name.startsWith("accord_") && !registered.contains(name)) {
                    unknown.add(name + " in " + query);
                }
            }
        }

        assertThat(registered).contains("accord_transfers_total", "accord_log_integration_delay_seconds_bucket",
                "accord_certificate_days_left", "accord_agreements_warnings", "accord_recipient_backlog_largest");
        assertThat(read).as("metrics the monitoring reads").contains("accord_transfers_waiting", "accord_delivery_circuit_state",
                "accord_recipient_backlog_largest", "accord_certificate_days_left", "accord_agreements_warnings",
                "accord_log_integration_waiting", "accord_log_integration_delay_seconds_bucket");
        assertThat(unknown).as("accord_* metrics read by deploy/monitoring/ that no meter in the code makes").isEmpty();
    }

    @Test
    void whenTheAlertsAreReadThenEachHasASeverityAndASummaryAndDocsMonitoringListsEveryOne() {
        Map<String, Object> rules = MonitoringQueries.rules();
        List<String> names = new ArrayList<>(MonitoringQueries.alerts().keySet());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
        for (Map<String, Object> rule : all) {
            assertThat(map(rule.get("labels")).get("severity")).as(rule.get("alert") + " severity").isIn("critical", "warning", "info");
            assertThat(map(rule.get("annotations"))).as(String.valueOf(rule.get("alert"))).containsKeys("summary", "description");
        }
        Set<String> documented = Markdown.read(Markdown.REPOSITORY.resolve("docs/monitoring.md")).codeSpans().stream()
                .filter(span -> span.matches("Accord[A-Z][A-Za-z]+")).collect(Collectors.toCollection(TreeSet::new));

        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(8);
        assertThat(documented).as("alerts named in docs/monitoring.md").isEqualTo(new TreeSet<>(names));
        assertThat(JsonMapper.builder().build().readTree(read(MonitoringQueries.DASHBOARD)).get("title").asString()).isNotBlank();
    }

    @Test
    void whenTheScriptsStartAGatewayOrRecordItsCacheThenTheyUseTheDocumentedJvmOptions() {
        String archive = read(Markdown.REPOSITORY.resolve("deploy/jvm/class-data-archive.sh"));
        Matcher training = Pattern.compile("(?m)^jvm_options=\\(([^)]*)\\)$").matcher(archive);
        assertThat(training.find()).as("class-data-archive.sh sets its jvm_options").isTrue();
        assertThat(List.of(training.group(1).strip().split("\\s+"))).as("the training start's JVM options")
                .isEqualTo(documentedJvmOptions());

        String cluster = read(Markdown.REPOSITORY.resolve("deploy/local/cluster.sh"));
        Matcher start = Pattern.compile("(?m)^\\s*nohup \"\\$\\(cat \"\\$runtime/java\"\\)\" ([^@]*)@\"\\$runtime/accord-gateway\\.args\"")
                .matcher(cluster);
        assertThat(start.find()).as("cluster.sh starts a gateway with the argument file").isTrue();
        assertThat(List.of(start.group(1).strip().split("\\s+"))).as("the local topology's gateways' JVM options")
                .isEqualTo(documentedJvmOptions());
    }

    // --- The application's side ------------------------------------------------------------------------------------

    /**
     * The options of a start in the image besides those of the cache ({@code own}, and its errors-only logging) and
     * what Java 25 allows with a warning, which every start in the image must say allowed.
     */
    private static List<String> besides(List<String> options, String start, String... own) {
        assertThat(options).as(start).containsAll(ACKNOWLEDGED);
        List<String> rest = new ArrayList<>(options);
        rest.removeAll(List.of(own));
        rest.remove(QUIET_CACHE);
        rest.removeAll(ACKNOWLEDGED);
        return rest;
    }

    /** The JVM options of "Choose the JVM options" in docs/operations.md: the words between {@code java} and {@code -jar}. */
    static List<String> documentedJvmOptions() {
        Markdown operations = Markdown.read(Markdown.REPOSITORY.resolve("docs/operations.md"));
        int heading = List.of(read(operations.file()).split("\n", -1)).indexOf("## Choose the JVM options") + 1;
        assertThat(heading).as("docs/operations.md has the section").isPositive();
        String command = operations.fences().stream().filter(fence -> fence.line() > heading && fence.language().equals("sh"))
                .findFirst().orElseThrow().body().strip();
        assertThat(command).startsWith("java ");
        List<String> words = List.of(command.split("\\s+"));
        return words.subList(1, words.indexOf("-jar"));
    }

    private static String serverPort() {
        Object packaged = packagedDefaults().get("server.port");
        return packaged != null ? String.valueOf(packaged) : SPRING.defaultValue("server.port").orElseThrow();
    }

    private static String inboundPort() {
        return String.valueOf(packagedDefaults().get("accord.inbound.tls.port"));
    }

    private static String actuatorBase() {
        Object packaged = packagedDefaults().get("management.endpoints.web.base-path");
        return packaged != null ? String.valueOf(packaged) : SPRING.defaultValue("management.endpoints.web.base-path").orElseThrow();
    }

    /** The health groups the gateway enables, as paths: the probes' groups when probes are on, and any group of its own. */
    private static Set<String> healthGroupPaths() {
        Map<String, Object> packaged = packagedDefaults();
        Set<String> paths = new TreeSet<>();
        if (Boolean.TRUE.equals(packaged.get("management.endpoint.health.probes.enabled"))) {
            paths.add(actuatorBase() + "/health/liveness");
            paths.add(actuatorBase() + "/health/readiness");
        }
        packaged.keySet().stream().filter(key -> key.startsWith("management.endpoint.health.group."))
                .map(key -> key.split("\\.")[4]).forEach(group -> paths.add(actuatorBase() + "/health/" + group));
        return paths;
    }

    private static String readinessPath() {
        String readiness = actuatorBase() + "/health/readiness";
        assertThat(healthGroupPaths()).contains(readiness);
        return readiness;
    }

    /** The folder of secret files, from the packaged configuration's config tree import. */
    private static String secretsDir() {
        Matcher dir = Pattern.compile("\\$\\{accord\\.secrets-dir:([^}]+)}")
                .matcher(String.valueOf(packagedDefaults().get("spring.config.import")));
        assertThat(dir.find()).isTrue();
        assertThat(flatten(yaml(GATEWAY_CONFIG))).doesNotContainKey("accord.secrets-dir");
        return dir.group(1);
    }

    /** The folder the image names in spring.config.additional-location. */
    private static String configLocation() {
        String location = entrypoint().stream().filter(a -> a.startsWith("--spring.config.additional-location=")).findFirst()
                .orElseThrow().replace("--spring.config.additional-location=", "").replace("optional:", "").replace("file:", "");
        assertThat(location).endsWith("/");
        return location;
    }

    private static boolean bound(String key) {
        return key.startsWith("accord.") ? BoundProperties.binds(BOUND, key) : SPRING.binds(key);
    }

    /**
     * {@code NAME=value}: for a name of the gateway's (ACCORD_) or Spring's (SPRING_, SERVER_, MANAGEMENT_), one that
     * Spring maps to a bound property: dots to underscores, dashes dropped (or, the older form, to underscores), upper case.
     */
    private static boolean boundEnvironmentVariable(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        if (!name.matches("(ACCORD|SPRING|SERVER|MANAGEMENT)_.*")) {
            return true;
        }
        return Stream.concat(BOUND.stream(), SPRING.names().stream())
                .anyMatch(property -> name.matches(environmentName(property, "")) || name.matches(environmentName(property, "_")));
    }

    private static String environmentName(String property, String dash) {
        String upper = property.replace("-", dash).replace('.', '_').toUpperCase(java.util.Locale.ROOT);
        return Pattern.quote(upper).replace("<*>", "\\E[A-Z0-9]+\\Q");
    }

    /** Each secret file must set a property the gateway binds, or one its configuration reads as a placeholder. */
    private static void assertSecretFilesSetBoundPropertiesOrPlaceholders(String where, List<String> files) {
        Set<String> placeholders = placeholders();
        Set<String> properties = files.stream().map(file -> file.replace('/', '.')).collect(Collectors.toCollection(TreeSet::new));
        assertThat(properties).as(where + ": secret files that set nothing").allMatch(p -> bound(p) || placeholders.contains(p));
        assertThat(properties).as(where + ": placeholders of the configuration it gives").containsAll(placeholders);
        assertThat(properties).contains("spring.datasource.password", "spring.flyway.password", "spring.artemis.password");
    }

    private static Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(read(GATEWAY_CONFIG));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    private static Set<String> pathsUnderEtcAccord(Map<String, Object> config) {
        Set<String> paths = new TreeSet<>();
        config.forEach((key, value) -> {
            if (key.equals("accord.agreements.directory") || key.equals("accord.schemas.directory")) {
                return;
            }
            Matcher path = ETC_ACCORD_PATH.matcher(String.valueOf(value));
            while (path.find()) {
                paths.add(path.group(1));
            }
        });
        assertThat(paths).contains("/etc/accord/pki/gateway.key");
        return paths;
    }

    /** The Prometheus series names of every meter the gateway's code builds, as Micrometer exposes them. */
    static Set<String> prometheusNamesOfMetersInTheCode() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher meter = METER.matcher(source);
                while (meter.find()) {
                    String name = meter.group(3) != null ? meter.group(3) : constant(source, meter.group(4));
                    String base = name.replace('.', '_');
                    switch (meter.group(1)) {
                        case "Counter", "FunctionCounter" -> names.add(base + "_total");
                        case "Gauge" -> names.add(base);
                        case "Timer" -> suffixes(base + "_seconds", names);
                        case "DistributionSummary" -> suffixes(base, names);
                        default -> names.addAll(List.of(base + "_seconds_active_count", base + "_seconds_duration_sum", base + "_seconds_max"));
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void suffixes(String base, Set<String> names) {
        for (String suffix : List.of("_count", "_sum", "_max", "_bucket")) {
            names.add(base + suffix);
        }
    }

    private static String constant(String source, String identifier) {
        Matcher constant = Pattern.compile("static final String " + identifier + "\\s*=\\s*\"([a-z0-9.]+)\"").matcher(source);
        assertThat(constant.find()).as("the meter name constant " + identifier).isTrue();
        return constant.group(1);
    }

    // --- Reading the files -----------------------------------------------------------------------------------------

    /** The Dockerfile's instructions of one kind, continuation lines joined. */
    private static List<String> dockerfile(String keyword) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(DOCKERFILE).split("\n")) {
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String instruction = current.toString().strip().replaceAll("\\s+", " ");
                if (instruction.startsWith(keyword + " ")) {
                    instructions.add(instruction.substring(keyword.length() + 1));
                }
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<String> entrypoint() {
        List<String> entrypoints = dockerfile("ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        List<String> words = new ArrayList<>();
        JsonMapper.builder().build().readTree(entrypoints.get(0)).forEach(word -> words.add(word.asString()));
        return words;
    }

    private static int uid() {
        List<String> users = dockerfile("USER");
        assertThat(users).hasSize(1);
        return Integer.parseInt(users.get(0).split(":")[0]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml(COMPOSE).get("services");
    }

    private static Map<String, Object> k8s(String kind, String name) {
        return k8sObjects(K8S).stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static List<Map<String, Object>> k8sAll(String kind) {
        return k8sObjects(K8S).stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static List<Map<String, Object>> k8sObjects(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Map<String, Object>> objects = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> objects.addAll(documents(f)));
            return objects;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> podSpec() {
        return map(map(map(k8s("Deployment", "accord-gateway").get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container() {
        List<?> containers = (List<?>) podSpec().get("containers");
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static String image(Map<String, Object> container) {
        return String.valueOf(container.get("image"));
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : (List<?>) container.get("ports")) {
            ports.put(String.valueOf(map(port).get("name")), (Integer) map(port).get("containerPort"));
        }
        return ports;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
    }

    private static Map<String, Map<String, Object>> volumes() {
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        for (Object volume : (List<?>) podSpec().get("volumes")) {
            volumes.put(String.valueOf(map(volume).get("name")), map(volume));
        }
        return volumes;
    }

    /** The keys of a Secret of the template in deploy/k8s/secrets/. */
    private static Set<String> secretTemplate(String name) {
        Map<String, Object> secret = documents(K8S_SECRETS).stream()
                .filter(o -> "Secret".equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name + " in " + K8S_SECRETS));
        Set<String> keys = new TreeSet<>(map(secret.get("data")).keySet());
        keys.addAll(map(secret.get("stringData")).keySet());
        return keys;
    }

    private static Set<Integer> policyPorts(Object rules) {
        Set<Integer> ports = new TreeSet<>();
        for (Object rule : (List<?>) rules) {
            for (Object port : (List<?>) map(rule).get("ports")) {
                ports.add((Integer) map(port).get("port"));
            }
        }
        return ports;
    }

    private static Map<String, String> data(Map<String, Object> configMap) {
        Map<String, String> data = new TreeMap<>();
        map(configMap.get("data")).forEach((key, value) -> data.put(key, String.valueOf(value)));
        return data;
    }

    private static Map<String, String> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                contents.put(file.getFileName().toString(), read(file));
            }
            return contents;
        }
    }

    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([a-zA-Z]*)").matcher(quantity);
        assertThat(m.matches()).as(quantity).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "Gi", "g", "G" -> n << 30;
            case "Mi", "m", "M" -> n << 20;
            case "Ki", "k", "K" -> n << 10;
            case "" -> n;
            default -> throw new AssertionError("unit of " + quantity);
        };
    }

    /** The first document of the packaged application.yml, flattened: the defaults, before any profile. */
    private static Map<String, Object> packagedDefaults() {
        return flatten(documents(Path.of("src/main/resources", "application.yml")).get(0));
    }

    private static Map<String, Object> yaml(Path file) {
        return documents(file).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key of a YAML document, flattened with dots; lists are values, written comma-separated. */
    private static Map<String, Object> flatten(Map<String, Object> document) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", document, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        }
        else if (node instanceof List<?> list) {
            flat.put(prefix, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        else {
            flat.put(prefix, node);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    private static List<String> strings(Object node) {
        return node == null ? List.of() : ((List<?>) node).stream().map(String::valueOf).toList();
    }

    private static List<String> stringsOrEmpty(Object node) {
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
        return strings(node);
    }

    private static List<?> listOrEmpty(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
