package dev.panorama.views.snapshot;

import dev.panorama.views.fixtures.FtgoStory;
import dev.panorama.views.fixtures.Oracle;
import dev.panorama.views.fixtures.SnapshotLines;
import dev.panorama.views.projection.InMemoryStates;
import dev.panorama.views.state.AggregateState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotReaderTest {

    private final SnapshotReader reader = new SnapshotReader();

    @Test
    void readsThePublishedExamplesOfEveryAggregateType() throws IOException {
        for (String type : List.of("consumer", "restaurant", "order", "delivery")) {
            List<String> lines = example(type);
            SnapshotReader.Header header = reader.header(lines.getFirst());
            List<AggregateState> states = lines.subList(1, lines.size() - 1).stream().map(reader::record).toList();

            assertThat(header.aggregateType()).isEqualTo(type);
            assertThat(header.format()).isEqualTo(1);
            assertThat(reader.isTrailer(lines.getLast())).isTrue();
            assertThat(reader.trailer(lines.getLast())).isEqualTo(states.size());
            assertThat(states).isNotEmpty().allSatisfy(state -> assertThat(state.aggregateType()).isEqualTo(type));
        }
    }

    @Test
    void aRecordReadsBackAsTheStateItsEventsFoldInto() {
        InMemoryStates folded = Oracle.states(FtgoStory.generate(3, 8, 3, 40));
        for (String type : List.of("consumer", "restaurant", "order", "delivery")) {
            List<String> lines = SnapshotLines.of(type, Instant.parse("2026-11-26T10:00:00Z"), folded.all());
            List<AggregateState> read = lines.subList(1, lines.size() - 1).stream().map(reader::record).toList();

            assertThat(read).isNotEmpty().allSatisfy(state -> assertThat(state).isEqualTo(folded.all().stream()
                .filter(original -> original.source().equals(state.source())).findFirst().orElseThrow()));
        }
    }

    @Test
    void aStoredRecordMapsWithoutTheSchemasOntoTheSameStateAndOneThatDoesNotMapFailsClearly() {
        InMemoryStates folded = Oracle.states(FtgoStory.generate(5, 8, 3, 40));
        for (String type : List.of("consumer", "restaurant", "order", "delivery")) {
            List<String> records = SnapshotLines.of(type, Instant.parse("2026-11-26T10:00:00Z"), folded.all()).stream()
                .filter(line -> line.contains("\"aggregateVersion\"")).toList();

            assertThat(records).isNotEmpty().allSatisfy(line -> assertThat(reader.storedRecord(line)).isEqualTo(reader.record(line)));
        }
        assertThatThrownBy(() -> reader.storedRecord("{\"aggregateType\":\"order\",\"aggregateId\":\"o-1\",\"aggregateVersion\":1,\"state\":{}}"))
            .isInstanceOf(SnapshotReader.InvalidSnapshotException.class).hasMessageContaining("does not map");
        assertThatThrownBy(() -> reader.storedRecord("{\"aggregateType\":\"invoice\",\"aggregateId\":\"i-1\",\"aggregateVersion\":1,\"state\":{}}"))
            .isInstanceOf(SnapshotReader.InvalidSnapshotException.class).hasMessageContaining("unknown aggregate type");
    }

    @Test
    void aStoredRecordIsReadFromItsBytesWithinTheWholeSnapshot() {
        InMemoryStates folded = Oracle.states(FtgoStory.generate(7, 8, 3, 40));
        List<String> lines = SnapshotLines.of("order", Instant.parse("2026-11-26T10:00:00Z"), folded.all()).stream()
            .map(line -> line.replace("\"name\":\"", "\"name\":\"Crème brûlée & ")).toList();
        byte[] snapshot = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        int start = lines.getFirst().getBytes(StandardCharsets.UTF_8).length + 1;
        for (String line : lines.subList(1, lines.size() - 1)) {
            int length = line.getBytes(StandardCharsets.UTF_8).length;
            assertThat(reader.storedRecord(snapshot, start, length)).isEqualTo(reader.record(line));
            start += length + 1;
        }
        assertThat(lines.get(1)).contains("Crème brûlée");
        assertThatThrownBy(() -> reader.storedRecord(snapshot, 0, 12)).isInstanceOf(SnapshotReader.InvalidSnapshotException.class)
            .hasMessageContaining("not JSON");
    }

    @Test
    void aRecordThatBreaksItsSchemaIsRefusedWithWhere() {
        assertThatThrownBy(() -> reader.record("{\"aggregateType\":\"order\",\"aggregateId\":\"not-a-uuid\",\"aggregateVersion\":1,\"state\":{}}"))
            .isInstanceOf(SnapshotReader.InvalidSnapshotException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> reader.header("{\"snapshotFormat\":2}")).isInstanceOf(SnapshotReader.InvalidSnapshotException.class);
        assertThatThrownBy(() -> reader.record("not json")).hasMessageContaining("not JSON");
    }

    private static List<String> example(String type) throws IOException {
        try (InputStream in = SnapshotReaderTest.class.getClassLoader().getResourceAsStream("panorama/schemas/snapshots/examples/" + type + ".v1.ndjson")) {
            assertThat(in).as("example of %s on the class path", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
