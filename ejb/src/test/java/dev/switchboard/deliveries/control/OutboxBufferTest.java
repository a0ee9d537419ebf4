package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.control.OutboxBuffer.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxBufferTest {

    @Test
    void theFirstOfferStartsTheDrainerAndLaterOnesJoinIt() {
        OutboxBuffer buffer = new OutboxBuffer(10, 3);
        assertThat(buffer.offer("a")).isEqualTo(Offer.START_DRAINING);
        assertThat(buffer.offer("b")).isEqualTo(Offer.TAKEN);
        assertThat(buffer.offer("c")).isEqualTo(Offer.TAKEN);
        assertThat(buffer.offer("d")).isEqualTo(Offer.TAKEN);
        assertThat(buffer.nextBatch()).containsExactly("a", "b", "c");
        assertThat(buffer.nextBatch()).containsExactly("d");
        assertThat(buffer.nextBatch()).isEmpty();
        assertThat(buffer.offer("e")).as("the drainer left: a new one is needed").isEqualTo(Offer.START_DRAINING);
    }

    @Test
    void pastItsCapacityAnIdIsLeftToTheSweeper() {
        OutboxBuffer buffer = new OutboxBuffer(2, 10);
        buffer.offer("a");
        buffer.offer("b");
        assertThat(buffer.offer("c")).isEqualTo(Offer.FULL);
        assertThat(buffer.nextBatch()).containsExactly("a", "b");
        assertThat(buffer.offer("c")).isEqualTo(Offer.TAKEN);
    }

    @Test
    void aDrainerThatStoppedIsReplacedByTheNextOfferWhichTakesTheIdsLeftBehind() {
        OutboxBuffer buffer = new OutboxBuffer(10, 10);
        buffer.offer("a");
        buffer.drainerStopped();
        assertThat(buffer.offer("b")).isEqualTo(Offer.START_DRAINING);
        assertThat(buffer.nextBatch()).containsExactly("a", "b");
    }

    @Test
    void underConcurrentOffersEveryIdIsDrainedOnceAndNoneIsStranded() throws Exception {
        OutboxBuffer buffer = new OutboxBuffer(1_000_000, 7);
        Set<String> drained = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService drainers = Executors.newCachedThreadPool();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        int perProducer = 20_000;
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> {
                for (int i = 0; i < perProducer; i++) {
                    if (buffer.offer(producer + "-" + i) == Offer.START_DRAINING) {
                        drainers.execute(() -> {
                            for (List<String> batch = buffer.nextBatch(); !batch.isEmpty(); batch = buffer.nextBatch()) {
                                batch.forEach(id -> {
                                    if (!drained.add(id)) {
                                        duplicates.incrementAndGet();
                                    }
                                });
                            }
                        });
                    }
                }
            });
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        drainers.shutdown();
        assertThat(drainers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(duplicates).hasValue(0);
        assertThat(buffer.size()).as("ids nobody drains").isZero();
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < perProducer; i++) {
                if (!drained.contains(p + "-" + i)) {
                    missing.add(p + "-" + i);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
