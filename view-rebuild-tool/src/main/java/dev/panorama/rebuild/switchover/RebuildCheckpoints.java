package dev.panorama.rebuild.switchover;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.panorama.rebuild.archive.PartitionId;
import dev.panorama.views.versions.AbandonedRebuilds;
import dev.panorama.views.versions.RebuildPhase;
import dev.panorama.views.versions.RebuildPhases;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a rebuild records how far it got, one document per view version in {@code <prefix>view_rebuilds}:
 * a rerun after a crash or Ctrl-C resumes from it, and the same document carries the progress that
 * operators read over HTTP (phase, done, total, events/s, ETA).
 */
public final class RebuildCheckpoints implements RebuildPhases, AbandonedRebuilds {

    public static final String COLLECTION = "view_rebuilds";

    private final MongoCollection<Document> collection;

    public RebuildCheckpoints(MongoDatabase database, String namePrefix) {
        this.collection = database.getCollection(namePrefix + COLLECTION);
    }

    public Optional<Checkpoint> find(String view, int version) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id(view, version))).first()).map(RebuildCheckpoints::read);
    }

    @Override
    public Optional<RebuildPhase> phase(String view, int version) {
        return find(view, version).map(Checkpoint::phase);
    }

    @Override
    public void abandoned(String view, int version) {
        find(view, version).ifPresent(found -> save(found.at(RebuildPhase.ABANDONED)));
    }

    public void save(Checkpoint checkpoint) {
        Document handover = new Document();
        checkpoint.handover().forEach((partition, offset) -> handover.append(partition.topic() + "/" + partition.partition(), offset));
        collection.replaceOne(Filters.eq("_id", id(checkpoint.view(), checkpoint.version())), new Document("_id", id(checkpoint.view(), checkpoint.version()))
            .append("view", checkpoint.view()).append("version", checkpoint.version()).append("phase", checkpoint.phase().name())
            .append("handover", handover).append("writtenThrough", checkpoint.writtenThrough())
            .append("startedAt", Date.from(checkpoint.startedAt())).append("updatedAt", new Date()), new ReplaceOptions().upsert(true));
    }

    /** Progress for operators: the phase's work done and total, its rate and estimated time left. */
    public void progress(String view, int version, String step, long done, long total, double perSecond, long etaSeconds) {
        collection.updateOne(Filters.eq("_id", id(view, version)), Updates.combine(
            Updates.set("progress", new Document("step", step).append("done", done).append("total", total)
                .append("perSecond", Math.round(perSecond)).append("etaSeconds", etaSeconds).append("at", new Date()))));
    }

    private static String id(String view, int version) {
        return view + "@v" + version;
    }

    private static Checkpoint read(Document document) {
        Map<PartitionId, Long> handover = new TreeMap<>();
        Document offsets = document.get("handover", Document.class);
        if (offsets != null) {
            offsets.forEach((key, value) -> {
                int slash = key.lastIndexOf('/');
                handover.put(new PartitionId(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1))), ((Number) value).longValue());
            });
        }
        return new Checkpoint(document.getString("view"), document.get("version", Number.class).intValue(),
            RebuildPhase.valueOf(document.getString("phase")), handover, document.getString("writtenThrough"),
            document.getDate("startedAt").toInstant());
    }

    /**
     * @param handover per partition, the first offset the live builder applies to the new version itself
     * @param writtenThrough the last document id written, in id order; {@code null} before the first
     */
    public record Checkpoint(String view, int version, RebuildPhase phase, Map<PartitionId, Long> handover, String writtenThrough,
                             Instant startedAt) {

        public Checkpoint at(RebuildPhase next) {
            return new Checkpoint(view, version, next, handover, writtenThrough, startedAt);
        }

        public Checkpoint writtenThrough(String id) {
            return new Checkpoint(view, version, phase, handover, id, startedAt);
        }

        public Checkpoint handedOver(Map<PartitionId, Long> offsets) {
            return new Checkpoint(view, version, RebuildPhase.HANDED_OVER, Map.copyOf(offsets), writtenThrough, startedAt);
        }
    }
}
