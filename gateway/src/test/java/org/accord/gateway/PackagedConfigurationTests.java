package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.accord.gateway.partner.PartnerProperties;
import org.accord.gateway.partner.PkiProperties;
import org.accord.gateway.security.ConsoleProperties;
import org.accord.gateway.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The packaged configuration as Spring Boot reads it: the demo partners, clients and users stay out of the prod
 * profile (default deny: a client the institution did not list is refused), and secrets mounted as files, as
 * Kubernetes provides them, become properties.
 */
class PackagedConfigurationTests {

    @TempDir
    Path secrets;

    @Test
    void whenTheProdProfileIsActiveThenNoDemoClientPartnerOrUserIsConfigured() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=prod")) {
            assertThat(context.getBean(SecurityProperties.class).clients()).isEmpty();
            assertThat(context.getBean(SecurityProperties.class).demoClients()).isEmpty();
            assertThat(context.getBean(PartnerProperties.class).partners()).isEmpty();
            assertThat(context.getBean(ConsoleProperties.class).demoUsers()).isEmpty();
            assertThat(context.getEnvironment().getProperty("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts"))
                    .as("PostgreSQL's driver sends batched inserts as multi-row inserts").isEqualTo("true");
        }
    }

    @Test
    void whenNoProfileIsActiveThenTheDemoClientsAndPartnersAreConfigured() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(SecurityProperties.class).clients()).containsEntry("uni-northbridge",
                    "uni-northbridge/safeguarding-lead");
            assertThat(context.getBean(PartnerProperties.class).partners()).containsKey("ctp-nw-prevent");
            assertThat(context.getBean(ConsoleProperties.class).demoUsers()).containsKey("dpo");
        }
    }

    @Test
    void whenSecretsAreMountedAsFilesThenTheyBecomeProperties() throws IOException {
        Files.createDirectories(secrets.resolve("accord/pki"));
        Files.writeString(secrets.resolve("accord/pki/keystore-password"), "from-a-mounted-file");
        Files.createDirectories(secrets.resolve("spring/datasource"));
        Files.writeString(secrets.resolve("spring/datasource/password"), "database-password-file");

        try (ConfigurableApplicationContext context = start("--spring.profiles.active=prod", "--accord.secrets-dir=" + secrets)) {
            assertThat(context.getBean(PkiProperties.class).keystorePassword()).isEqualTo("from-a-mounted-file");
            assertThat(context.getEnvironment().getProperty("spring.datasource.password")).isEqualTo("database-password-file");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Properties.class).web(WebApplicationType.NONE).logStartupInfo(false).run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ SecurityProperties.class, PartnerProperties.class, ConsoleProperties.class, PkiProperties.class })
    static class Properties {
    }
}
