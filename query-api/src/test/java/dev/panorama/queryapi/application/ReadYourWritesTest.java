package dev.panorama.queryapi.application;

import dev.panorama.queryapi.application.port.out.AppliedDocuments;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which signal wakes a wait: a finished batch for a MongoDB view, a refresh for an Elasticsearch view (a
 * batch cannot make an Elasticsearch document searchable, so it must not trigger another search).
 */
class ReadYourWritesTest {

    private static final ConsistencyToken TOKEN = new ConsistencyToken("order", UUID.fromString("00000000-0000-0000-0000-000000000001"), 1);

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicBoolean visible = new AtomicBoolean();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger batchReads = new AtomicInteger();
    private final AtomicInteger refreshReads = new AtomicInteger();

    @Test
    void aWaitOnAnElasticsearchViewChecksAgainOnARefreshNotOnABatch() throws Exception {
        try (BatchWatch batchWatch = watch(batchReads, batches); BatchWatch refreshWatch = watch(refreshReads, refreshes)) {
            ReadYourWrites readYourWrites = readYourWrites(batchWatch, refreshWatch);
            CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> readYourWrites.await(View.ORDER_HISTORY, TOKEN));
            await().atMost(Duration.ofSeconds(10)).until(() -> refreshReads.get() >= 3);
            assertThat(batchReads.get()).as("nobody waits on a MongoDB view: its poller stays idle").isZero();

            for (int i = 0; i < 5; i++) {
                batches.incrementAndGet();
                visible.set(i == 4);
            }
            int settled = refreshReads.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> refreshReads.get() >= settled + 5);
            assertThat(waited).as("the document is written, but no refresh made it searchable yet").isNotDone();
            assertThat(checks.get()).as("only the first check, none per batch").isEqualTo(1);

            refreshes.incrementAndGet();

            waited.get(10, TimeUnit.SECONDS);
            assertThat(checks.get()).isEqualTo(2);
        }
    }

    @Test
    void aWaitOnAMongoViewChecksAgainWhenABatchLands() throws Exception {
        try (BatchWatch batchWatch = watch(batchReads, batches); BatchWatch refreshWatch = watch(refreshReads, refreshes)) {
            ReadYourWrites readYourWrites = readYourWrites(batchWatch, refreshWatch);
            CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> readYourWrites.await(View.ORDER_DETAILS, TOKEN));
            await().atMost(Duration.ofSeconds(10)).until(() -> batchReads.get() >= 3);
            assertThat(waited).isNotDone();

            visible.set(true);
            batches.incrementAndGet();

            waited.get(10, TimeUnit.SECONDS);
            assertThat(checks.get()).isEqualTo(2);
            assertThat(refreshReads.get()).as("nobody waits on an Elasticsearch view").isZero();
        }
    }

    /** Pauses between checks far longer than the test: only a watch can bring the next check. */
    private ReadYourWrites readYourWrites(BatchWatch batchWatch, BatchWatch refreshWatch) {
        AppliedDocuments documents = new AppliedDocuments() {
            @Override
            public boolean holds(View view) {
                return true;
            }

            @Override
            public boolean reflect(View view, DocumentSelector selector, String sourceKey, long version) {
                checks.incrementAndGet();
                return visible.get();
            }
        };
        return new ReadYourWrites((type, id) -> Optional.of(new SourceState(type, id.toString(), 1, Map.of())), List.of(documents),
            new ConsistencySettings(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(1)),
            Map.of(View.Store.MONGODB, batchWatch, View.Store.ELASTICSEARCH, refreshWatch));
    }

    /** Watches {@code value}, counting its reads. */
    private static BatchWatch watch(AtomicInteger reads, AtomicLong value) {
        return new BatchWatch(List.of(() -> {
            reads.incrementAndGet();
            return value.get();
        }), Duration.ofMillis(1));
    }
}
