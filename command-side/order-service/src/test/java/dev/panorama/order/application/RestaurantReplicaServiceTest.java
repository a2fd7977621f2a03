package dev.panorama.order.application;

import dev.panorama.order.application.port.in.ReplicateRestaurantUseCase.Outcome;
import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.application.port.out.ReceivedEvents;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.MenuItem;
import dev.panorama.order.domain.RestaurantId;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.panorama.order.domain.OrderFixtures.LASSI;
import static dev.panorama.order.domain.OrderFixtures.RESTAURANT;
import static dev.panorama.order.domain.OrderFixtures.ajantaMenu;
import static dev.panorama.order.domain.OrderFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The replica's two guards: an event id seen before, a version not newer than the one held. */
class RestaurantReplicaServiceTest {

    private final InMemoryReplicas replicas = new InMemoryReplicas();
    private final InMemoryReceivedEvents received = new InMemoryReceivedEvents();
    private final RestaurantReplicaService service = new RestaurantReplicaService(received, replicas);

    @Test
    void appliesACreationThenNewerVersions() {
        Menu lassiOnly = new Menu(List.of(new MenuItem(LASSI, "Mango Lassi", usd("4.25"))));

        assertThat(service.apply(update(1, Optional.of("Ajanta"), Optional.of(ajantaMenu())))).isEqualTo(Outcome.APPLIED);
        assertThat(service.apply(update(2, Optional.of("Ajanta Kitchen"), Optional.empty()))).isEqualTo(Outcome.APPLIED);
        assertThat(service.apply(update(3, Optional.empty(), Optional.of(lassiOnly)))).isEqualTo(Outcome.APPLIED);

        assertThat(replicas.findMenu(RESTAURANT)).contains(lassiOnly);
        assertThat(replicas.versions.get(RESTAURANT)).isEqualTo(3);
    }

    @Test
    void aRedeliveredEventChangesNothingEvenIfItWereNewer() {
        RestaurantUpdate created = update(1, Optional.of("Ajanta"), Optional.of(ajantaMenu()));
        service.apply(created);

        Outcome again = service.apply(new RestaurantUpdate(created.eventId(), created.eventType(), RESTAURANT, 5, Optional.empty(),
            Optional.of(new Menu(List.of()))));

        assertThat(again).isEqualTo(Outcome.DUPLICATE);
        assertThat(replicas.findMenu(RESTAURANT)).contains(ajantaMenu());
        assertThat(replicas.applied).isEqualTo(1);
    }

    @Test
    void anEventNotNewerThanTheReplicaChangesNothing() {
        service.apply(update(3, Optional.of("Ajanta"), Optional.of(ajantaMenu())));

        assertThat(service.apply(update(3, Optional.empty(), Optional.of(new Menu(List.of()))))).isEqualTo(Outcome.STALE);
        assertThat(service.apply(update(2, Optional.empty(), Optional.of(new Menu(List.of()))))).isEqualTo(Outcome.STALE);
        assertThat(replicas.findMenu(RESTAURANT)).contains(ajantaMenu());
        assertThat(received.ids).as("stale events are received too: a redelivery of them is a duplicate").hasSize(3);
    }

    private static RestaurantUpdate update(long version, Optional<String> name, Optional<Menu> menu) {
        return new RestaurantUpdate(UUID.randomUUID(), "restaurant.Something", RESTAURANT, version, name, menu);
    }

    private static final class InMemoryReplicas implements RestaurantReplicas {

        private final Map<RestaurantId, Long> versions = new HashMap<>();
        private final Map<RestaurantId, Menu> menus = new HashMap<>();
        private int applied;

        @Override
        public Optional<Menu> findMenu(RestaurantId restaurantId) {
            return Optional.ofNullable(menus.get(restaurantId));
        }

        @Override
        public boolean applyIfNewer(RestaurantUpdate update) {
            if (versions.getOrDefault(update.restaurantId(), 0L) >= update.version()) {
                return false;
            }
            applied++;
            versions.put(update.restaurantId(), update.version());
            update.menu().ifPresent(menu -> menus.put(update.restaurantId(), menu));
            return true;
        }
    }

    private static final class InMemoryReceivedEvents implements ReceivedEvents {

        private final Set<String> ids = new HashSet<>();

        @Override
        public boolean firstReceipt(String subscriber, UUID eventId) {
            return ids.add(subscriber + "/" + eventId);
        }
    }
}
