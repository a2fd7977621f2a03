package dev.panorama.restaurant.application;

import dev.panorama.restaurant.application.port.in.ChangeOpeningHoursCommand;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.application.port.in.CreateRestaurantCommand;
import dev.panorama.restaurant.application.port.in.IdempotencyKey;
import dev.panorama.restaurant.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.restaurant.application.port.in.RenameRestaurantCommand;
import dev.panorama.restaurant.application.port.in.RestaurantNotFoundException;
import dev.panorama.restaurant.application.port.in.RestaurantVersion;
import dev.panorama.restaurant.application.port.in.ReviseMenuCommand;
import dev.panorama.restaurant.application.port.in.StaleRestaurantVersionException;
import dev.panorama.restaurant.application.port.out.IdempotencyKeys;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import dev.panorama.restaurant.domain.Menu;
import dev.panorama.restaurant.domain.MenuItem;
import dev.panorama.restaurant.domain.MenuItemId;
import dev.panorama.restaurant.domain.Money;
import dev.panorama.restaurant.domain.Restaurant;
import dev.panorama.restaurant.domain.RestaurantCreated;
import dev.panorama.restaurant.domain.RestaurantEvent;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantMenuRevised;
import dev.panorama.restaurant.domain.RestaurantName;
import dev.panorama.restaurant.domain.RestaurantOpeningHoursChanged;
import dev.panorama.restaurant.domain.RestaurantRenamed;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.panorama.restaurant.domain.RestaurantFixtures.NOW;
import static dev.panorama.restaurant.domain.RestaurantFixtures.ajanta;
import static dev.panorama.restaurant.domain.RestaurantFixtures.berkeley;
import static dev.panorama.restaurant.domain.RestaurantFixtures.indian;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menu;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menuWithLassi;
import static dev.panorama.restaurant.domain.RestaurantFixtures.mondaysOnly;
import static dev.panorama.restaurant.domain.RestaurantFixtures.solanoAvenue;
import static dev.panorama.restaurant.domain.RestaurantFixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory ports that behave like the store (version 1 on insert, +1 per update). */
class RestaurantServiceTest {

    private static final CorrelationId CORRELATION = new CorrelationId("request-1");

    private final InMemoryRestaurants restaurants = new InMemoryRestaurants();
    private final List<RestaurantEvent> published = new ArrayList<>();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final RestaurantService service = new RestaurantService(restaurants, (events, correlation) -> published.addAll(events), keys,
        Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void createsAtVersionOneAndPublishesTheCreation() {
        RestaurantVersion result = service.create(creation(Optional.empty()));

        assertThat(result.version()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(RestaurantCreated.class,
            event -> assertThat(event.restaurantId()).isEqualTo(result.restaurantId()));
        assertThat(service.get(result.restaurantId()).menu()).isEqualTo(menu());
    }

    @Test
    void eachChangeRaisesTheVersionByOneAndPublishesOneEventWithThatVersion() {
        RestaurantId id = service.create(creation(Optional.empty())).restaurantId();

        RestaurantVersion renamed = service.rename(new RenameRestaurantCommand(id, new RestaurantName("Ajanta Kitchen"), OptionalLong.of(1),
            CORRELATION));
        RestaurantVersion revised = service.reviseMenu(new ReviseMenuCommand(id, menuWithLassi(), OptionalLong.of(2), CORRELATION));
        RestaurantVersion hours = service.changeOpeningHours(new ChangeOpeningHoursCommand(id, mondaysOnly(), OptionalLong.empty(),
            CORRELATION));

        assertThat(List.of(renamed.version(), revised.version(), hours.version())).containsExactly(2L, 3L, 4L);
        assertThat(published).extracting(RestaurantEvent::restaurantVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(published).map(Object::getClass).containsExactly(RestaurantCreated.class, RestaurantRenamed.class,
            RestaurantMenuRevised.class, RestaurantOpeningHoursChanged.class);
        assertThat(service.get(id).version()).isEqualTo(4);
        assertThat(service.get(id).openingHours()).isEqualTo(mondaysOnly());
    }

    @Test
    void aNoOpChangeAnswersTheCurrentVersionAndPublishesNothing() {
        RestaurantId id = service.create(creation(Optional.empty())).restaurantId();

        RestaurantVersion renamed = service.rename(new RenameRestaurantCommand(id, ajanta(), OptionalLong.of(1), CORRELATION));
        RestaurantVersion revised = service.reviseMenu(new ReviseMenuCommand(id, menu(), OptionalLong.of(1), CORRELATION));
        RestaurantVersion hours = service.changeOpeningHours(new ChangeOpeningHoursCommand(id, weekdays(), OptionalLong.empty(), CORRELATION));

        assertThat(List.of(renamed.version(), revised.version(), hours.version())).containsOnly(1L);
        assertThat(published).hasSize(1);
        assertThat(restaurants.saves).isEqualTo(1);
    }

    @Test
    void refusesACommandForAnOlderVersion() {
        RestaurantId id = service.create(creation(Optional.empty())).restaurantId();
        service.rename(new RenameRestaurantCommand(id, new RestaurantName("Ajanta Kitchen"), OptionalLong.of(1), CORRELATION));

        assertThatThrownBy(() -> service.reviseMenu(new ReviseMenuCommand(id, menuWithLassi(), OptionalLong.of(1), CORRELATION)))
            .isInstanceOf(StaleRestaurantVersionException.class).hasMessageContaining("version 2, not 1");
        assertThat(published).hasSize(2);
    }

    @Test
    void refusesAnUnknownRestaurant() {
        assertThatThrownBy(() -> service.rename(new RenameRestaurantCommand(RestaurantId.random(), ajanta(), OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(RestaurantNotFoundException.class);
        assertThatThrownBy(() -> service.get(RestaurantId.random())).isInstanceOf(RestaurantNotFoundException.class);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndPublishesNothing() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("open-1"));
        RestaurantVersion first = service.create(creation(key));

        RestaurantVersion retry = service.create(creation(key));

        assertThat(retry).isEqualTo(first);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesAKeyReusedForADifferentRestaurant() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("open-1"));
        service.create(creation(key));

        assertThatThrownBy(() -> service.create(new CreateRestaurantCommand(new RestaurantName("Other"), indian(), berkeley(), solanoAvenue(),
            weekdays(), menu(), key, CORRELATION))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aFingerprintCoversEveryPartOfTheBody() {
        String fingerprint = creation(Optional.empty()).fingerprint();
        Menu pricier = new Menu(List.of(new MenuItem(new MenuItemId("chicken-vindaloo"), "Chicken Vindaloo", new Money("12.35", "USD"))));

        assertThat(fingerprint).hasSize(64).isEqualTo(creation(Optional.empty()).fingerprint());
        assertThat(List.of(
            new CreateRestaurantCommand(ajanta(), Optional.empty(), berkeley(), solanoAvenue(), weekdays(), menu(), Optional.empty(), CORRELATION),
            new CreateRestaurantCommand(ajanta(), indian(), berkeley(), solanoAvenue(), mondaysOnly(), menu(), Optional.empty(), CORRELATION),
            new CreateRestaurantCommand(ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), pricier, Optional.empty(), CORRELATION)))
            .extracting(CreateRestaurantCommand::fingerprint).doesNotContain(fingerprint).doesNotHaveDuplicates();
    }

    private static CreateRestaurantCommand creation(Optional<IdempotencyKey> key) {
        return new CreateRestaurantCommand(ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), menu(), key, CORRELATION);
    }

    /** Keeps what Spring Data JDBC would: the stored version, checked and raised on every save. */
    private static final class InMemoryRestaurants implements RestaurantRepository {

        private final Map<RestaurantId, Restaurant> stored = new HashMap<>();
        private int saves;

        @Override
        public Optional<Restaurant> findById(RestaurantId restaurantId) {
            return Optional.ofNullable(stored.get(restaurantId)).map(r -> restored(r, r.version()));
        }

        @Override
        public long save(Restaurant restaurant) {
            Restaurant current = stored.get(restaurant.id());
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != restaurant.storedVersion()) {
                throw new IllegalStateException("optimistic lock");
            }
            saves++;
            stored.put(restaurant.id(), restored(restaurant, currentVersion + 1));
            return currentVersion + 1;
        }

        private static Restaurant restored(Restaurant r, long version) {
            return Restaurant.restore(r.id(), r.name(), r.cuisine(), r.location(), r.address(), r.openingHours(), r.menu(), version);
        }
    }

    private static final class InMemoryIdempotencyKeys implements IdempotencyKeys {

        private final Map<IdempotencyKey, RememberedCreation> remembered = new HashMap<>();

        @Override
        public RememberedCreation remember(IdempotencyKey key, String fingerprint, RestaurantVersion candidate) {
            return remembered.computeIfAbsent(key, k -> new RememberedCreation(fingerprint, candidate));
        }
    }
}
