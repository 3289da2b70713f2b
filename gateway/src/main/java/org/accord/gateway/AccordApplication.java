package org.accord.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The Accord gateway: takes safeguarding records from university systems, checks them against
 * information-sharing agreements, seals them for one recipient and delivers them, logging every step.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AccordApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(AccordApplication.class, args);
    }
}
