package dev.panorama.rebuild.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDirectoryArchiveStoreTest {

    @TempDir
    Path root;

    @Test
    void putIfAbsentNeverOverwrites() {
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(root);

        assertThat(store.putIfAbsent("t/0/a.jsonl.zst", Records.utf8("first"))).isTrue();
        assertThat(store.putIfAbsent("t/0/a.jsonl.zst", Records.utf8("second"))).isFalse();

        assertThat(store.get("t/0/a.jsonl.zst")).get().extracting(object -> new String(object.content())).isEqualTo("first");
        assertThat(store.list("t/")).extracting(ArchiveStore.ObjectInfo::name).containsExactly("t/0/a.jsonl.zst");
    }

    @Test
    void replaceSucceedsOnlyAgainstTheVersionRead() {
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(root);
        assertThat(store.replace("t/0/manifest.json", Records.utf8("v1"), null)).isTrue();
        String version = store.get("t/0/manifest.json").orElseThrow().version();

        assertThat(store.replace("t/0/manifest.json", Records.utf8("v2"), null)).as("must not exist yet").isFalse();
        assertThat(store.replace("t/0/manifest.json", Records.utf8("v2"), version)).isTrue();
        assertThat(store.replace("t/0/manifest.json", Records.utf8("v3"), version)).as("stale version").isFalse();

        assertThat(new String(store.get("t/0/manifest.json").orElseThrow().content())).isEqualTo("v2");
    }

    @Test
    void temporaryFilesOfInterruptedWritesAreNotObjectsAndAreDiscardedOnceOld() throws IOException {
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(root);
        store.putIfAbsent("t/0/a.jsonl.zst", Records.utf8("a"));
        Path old = Files.writeString(root.resolve("t/0/.b.jsonl.zst.1234.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(root.resolve("t/0/.manifest.json.5678.tmp"), "in flight elsewhere");

        assertThat(store.list("")).extracting(ArchiveStore.ObjectInfo::name).containsExactly("t/0/a.jsonl.zst");
        assertThat(store.discardIncompleteWrites("t/0/", Duration.ofMinutes(5))).containsExactly("t/0/.b.jsonl.zst.1234.tmp");
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void refusesNamesThatLeaveTheArchive() {
        LocalDirectoryArchiveStore store = new LocalDirectoryArchiveStore(root);

        assertThatThrownBy(() -> store.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putIfAbsent("/abs", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putIfAbsent("t/.hidden", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
