package dev.panorama.queryapi.adapter.out.kafka;

import dev.panorama.queryapi.application.StoreUnavailableException;
import dev.panorama.queryapi.application.admin.DeadLetterSummary;
import dev.panorama.queryapi.application.admin.DeadLetterSummary.DeadLetterCount;
import dev.panorama.queryapi.application.port.out.DeadLetters;
import dev.panorama.views.adapter.kafka.Redrive;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The view builder's dead-letter topic through the redrive the view builder's own command runs. */
public final class KafkaDeadLetters implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
    private static final Comparator<DeadLetterCount> ORDER = Comparator.comparing(DeadLetterCount::reason)
        .thenComparing(DeadLetterCount::originalTopic, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Redrive redrive;

    public KafkaDeadLetters(Redrive redrive) {
        this.redrive = redrive;
    }

    @Override
    public DeadLetterSummary waiting(int maxScanned) {
        Redrive.Waiting waiting = call("counting the dead letters", () -> redrive.waiting(maxScanned));
        return new DeadLetterSummary(redrive.deadLetterTopic(), redrive.group(), waiting.total(), waiting.scanned(), waiting.truncated(),
            waiting.counts().entrySet().stream()
                .map(count -> new DeadLetterCount(count.getKey().reason(), count.getKey().originalTopic(), count.getValue()))
                .sorted(ORDER).toList());
    }

    @Override
    public Map<String, Integer> redrive(Optional<String> reason, boolean dryRun) {
        return call("redriving the dead letters", () -> redrive.run(reason, dryRun, line -> log.debug("{}", line)));
    }

    /** Kafka away or failing is a 503, as for every other store; the redrive commits only what was published, so a retry is safe. */
    private static <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaException | IllegalStateException e) {
            throw new StoreUnavailableException(what + " failed: " + e.getMessage(), e);
        }
    }
}
