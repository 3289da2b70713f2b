package org.accord.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Starts the identity provider. {@code java -jar accord-identity-provider.jar hash} instead reads a secret or
 * password from the terminal (or standard input) and prints its bcrypt hash for the configuration.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProviderProperties.class)
public class IdentityProviderApplication {

    public static void main(String[] args) {
        if (args.length == 1 && SecretHashCommand.NAME.equals(args[0])) {
            System.exit(SecretHashCommand.run(System.console(), System.in, System.out, System.err));
        }
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
