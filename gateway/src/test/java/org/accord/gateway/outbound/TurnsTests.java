package org.accord.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnsTests {

    private final ExecutorService callers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void whenTheBoundIsReachedThenTheNextCallerWaitsUntilOneLeaves() throws Exception {
        Turns turns = new Turns(1);
        AtomicInteger inside = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> turns.run(() -> {
            int now = inside.incrementAndGet();
            awaitQuietly(release);
            inside.decrementAndGet();
            return now;
        }), callers);
        await().atMost(10, TimeUnit.SECONDS).until(() -> inside.get() == 1);

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> turns.run(inside::incrementAndGet), callers);
        await().atMost(10, TimeUnit.SECONDS).until(() -> turns.waiting() == 1);
        assertThat(inside.get()).as("the second caller has not gone in while the first is inside").isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).as("alone inside once the first has left").isEqualTo(1);
    }

    @Test
    void whenThereIsNoBoundThenCallersGoInTogether() throws Exception {
        Turns turns = new Turns(0);
        CountDownLatch bothInside = new CountDownLatch(2);
        List<CompletableFuture<Boolean>> both = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> turns.run(() -> {
                    bothInside.countDown();
                    return awaitQuietly(bothInside);
                }), callers)).toList();
        for (CompletableFuture<Boolean> caller : both) {
            assertThat(caller.get(10, TimeUnit.SECONDS)).as("each saw the other inside").isTrue();
        }
        assertThat(turns.waiting()).isZero();
    }

    @Test
    void whenTheWorkFailsThenItsTurnIsGivenBack() {
        Turns turns = new Turns(1);
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("failed inside");
        })).hasMessage("failed inside");
        assertThat(turns.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void whenTheBoundIsNegativeThenItIsRefused() {
        assertThatThrownBy(() -> new Turns(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
