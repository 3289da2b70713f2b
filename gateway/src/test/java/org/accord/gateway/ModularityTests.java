package org.accord.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; dependencies between them must not form cycles. */
class ModularityTests {

    @Test
    void whenModulesAreAnalysedThenTheStructureIsValid() {
        ApplicationModules.of(AccordApplication.class).verify();
    }
}
