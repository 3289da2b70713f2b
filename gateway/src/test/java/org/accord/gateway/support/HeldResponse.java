package org.accord.gateway.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer that holds each response it is applied to ({@code withTransformers(HeldResponse.NAME)})
 * until the test releases it, so a push stays under way while the test looks at the gateway or moves time on.
 */
public final class HeldResponse implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "held-response";

    /** Counted down when a held request has arrived. */
    public final CountDownLatch arrived = new CountDownLatch(1);
    /** Count down to let the held responses go. */
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        arrived.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return event.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
