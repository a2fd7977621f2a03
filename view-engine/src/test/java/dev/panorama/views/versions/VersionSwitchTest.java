package dev.panorama.views.versions;

import dev.panorama.views.projection.ViewCatalog;
import dev.panorama.views.runtime.ViewVersions;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionSwitchTest {

    private static final String VIEW = "order-history";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final List<String> storeCalls = new ArrayList<>();
    private final VersionSwitch versions = new VersionSwitch(ViewCatalog.ftgo(), registry, new VersionStores() {
        @Override
        public void pointReadersAt(ViewCatalog.Entry entry) {
            storeCalls.add("readers " + entry.view() + " v" + entry.version());
        }

        @Override
        public void drop(ViewCatalog.Entry entry) {
            storeCalls.add("drop " + entry.view() + " v" + entry.version());
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void switchPointsReadersAtTheBuiltVersionAndKeepsTheOldOneForARollback() {
        registry.put(new VersionSet(VIEW, 1, 2, null, 3, Instant.EPOCH));

        VersionSet after = versions.switchTo(VIEW, 2);

        assertThat(after).isEqualTo(new VersionSet(VIEW, 2, null, 1, 4, NOW));
        assertThat(storeCalls).containsExactly("readers order-history v2");
    }

    @Test
    void rollbackGoesBackAndASecondRollbackGoesForwardAgain() {
        registry.put(new VersionSet(VIEW, 2, null, 1, 4, Instant.EPOCH));

        assertThat(versions.rollback(VIEW)).isEqualTo(new VersionSet(VIEW, 1, null, 2, 5, NOW));
        assertThat(versions.rollback(VIEW)).isEqualTo(new VersionSet(VIEW, 2, null, 1, 6, NOW));
        assertThat(storeCalls).containsExactly("readers order-history v1", "readers order-history v2");
    }

    @Test
    void refusesAnUnknownViewAsSuch() {
        assertThatThrownBy(() -> versions.switchTo("order-futures", 2)).isInstanceOf(UnknownViewException.class)
            .hasMessageContaining("unknown view 'order-futures'");
    }

    @Test
    void refusesAViewTheRegistryDoesNotKnow() {
        assertThatThrownBy(() -> versions.rollback(VIEW)).isInstanceOf(UnknownViewException.class).hasMessageContaining("not registered");
    }

    @Test
    void refusesTheActiveVersionAndOneNotBuilt() {
        registry.put(new VersionSet(VIEW, 1, null, null, 1, Instant.EPOCH));

        assertThatThrownBy(() -> versions.switchTo(VIEW, 1)).isInstanceOf(RefusedException.class).hasMessageContaining("already active");
        assertThatThrownBy(() -> versions.switchTo(VIEW, 2)).isInstanceOf(RefusedException.class).hasMessageContaining("is not built");
        assertThat(storeCalls).isEmpty();
    }

    @Test
    void refusesWhenTheRegistryChangedMeanwhileAndPointsTheReadersBack() {
        registry.put(new VersionSet(VIEW, 1, 2, null, 3, Instant.EPOCH));
        registry.changeBehindTheBack = true;

        assertThatThrownBy(() -> versions.switchTo(VIEW, 2)).isInstanceOf(RefusedException.class).hasMessageContaining("changed meanwhile");
        assertThat(storeCalls).as("the alias moved, then back, so Elasticsearch readers stay where the registry says")
            .containsExactly("readers order-history v2", "readers order-history v1");
    }

    @Test
    void refusesARollbackWithoutPreviousOrDuringARebuild() {
        registry.put(new VersionSet(VIEW, 1, null, null, 1, Instant.EPOCH));
        assertThatThrownBy(() -> versions.rollback(VIEW)).isInstanceOf(RefusedException.class).hasMessageContaining("no previous version");

        registry.put(new VersionSet(VIEW, 2, 1, 1, 2, Instant.EPOCH));
        assertThatThrownBy(() -> versions.rollback(VIEW)).isInstanceOf(RefusedException.class).hasMessageContaining("is under way");
        assertThat(storeCalls).isEmpty();
    }

    @Test
    void aVerifiedSwitchNeedsARebuildThatPassedVerification() {
        registry.put(new VersionSet(VIEW, 1, 2, null, 3, Instant.EPOCH));
        Map<Integer, RebuildPhase> phases = new HashMap<>();
        RebuildPhases rebuilds = (view, version) -> Optional.ofNullable(phases.get(version));

        assertThatThrownBy(() -> versions.switchToVerified(VIEW, 2, rebuilds)).isInstanceOf(RefusedException.class)
            .hasMessageContaining("no rebuild checkpoint");
        phases.put(2, RebuildPhase.WRITING);
        assertThatThrownBy(() -> versions.switchToVerified(VIEW, 2, rebuilds)).isInstanceOf(RefusedException.class)
            .hasMessageContaining("has not passed verification").hasMessageContaining("WRITING");
        assertThat(storeCalls).isEmpty();

        phases.put(2, RebuildPhase.VERIFIED);
        assertThat(versions.switchToVerified(VIEW, 2, rebuilds).active()).isEqualTo(2);
    }

    @Test
    void abandonDropsTheVersionAndRecordsIt() {
        registry.put(new VersionSet(VIEW, 1, 2, null, 3, Instant.EPOCH));
        List<String> abandoned = new ArrayList<>();

        VersionSet after = versions.abandon(VIEW, (view, version) -> abandoned.add(view + " v" + version));

        assertThat(after.building()).isNull();
        assertThat(storeCalls).containsExactly("drop order-history v2");
        assertThat(abandoned).containsExactly("order-history v2");
    }

    private static final class InMemoryRegistry implements ViewVersions {

        private final Map<String, VersionSet> sets = new HashMap<>();
        private boolean changeBehindTheBack;

        void put(VersionSet set) {
            sets.put(set.view(), set);
        }

        @Override
        public Optional<VersionSet> get(String view) {
            return Optional.ofNullable(sets.get(view));
        }

        @Override
        public Map<String, VersionSet> all() {
            return Map.copyOf(sets);
        }

        @Override
        public VersionSet createIfAbsent(String view, int active) {
            return sets.computeIfAbsent(view, absent -> new VersionSet(view, active, null, null, 1, NOW));
        }

        @Override
        public boolean replace(VersionSet expected, VersionSet next) {
            if (changeBehindTheBack || sets.get(expected.view()).revision() != expected.revision()) {
                return false;
            }
            sets.put(next.view(), next);
            return true;
        }
    }
}
