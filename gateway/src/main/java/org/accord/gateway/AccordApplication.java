package org.accord.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Accord gateway: takes safeguarding records from university systems, checks them against
 * information-sharing agreements, seals them for one recipient and delivers them, logging every step.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccordApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccordApplication.class, args);
    }
}
