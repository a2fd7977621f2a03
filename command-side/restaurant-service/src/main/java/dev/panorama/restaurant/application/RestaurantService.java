package dev.panorama.restaurant.application;

import dev.panorama.restaurant.application.port.in.ChangeOpeningHoursCommand;
import dev.panorama.restaurant.application.port.in.ChangeOpeningHoursUseCase;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.application.port.in.CreateRestaurantCommand;
import dev.panorama.restaurant.application.port.in.CreateRestaurantUseCase;
import dev.panorama.restaurant.application.port.in.GetRestaurantQuery;
import dev.panorama.restaurant.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.restaurant.application.port.in.RenameRestaurantCommand;
import dev.panorama.restaurant.application.port.in.RenameRestaurantUseCase;
import dev.panorama.restaurant.application.port.in.RestaurantNotFoundException;
import dev.panorama.restaurant.application.port.in.RestaurantVersion;
import dev.panorama.restaurant.application.port.in.ReviseMenuCommand;
import dev.panorama.restaurant.application.port.in.ReviseMenuUseCase;
import dev.panorama.restaurant.application.port.in.StaleRestaurantVersionException;
import dev.panorama.restaurant.application.port.out.IdempotencyKeys;
import dev.panorama.restaurant.application.port.out.IdempotencyKeys.RememberedCreation;
import dev.panorama.restaurant.application.port.out.RestaurantEventPublisher;
import dev.panorama.restaurant.application.port.out.RestaurantRepository;
import dev.panorama.restaurant.domain.Restaurant;
import dev.panorama.restaurant.domain.RestaurantId;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The restaurant use cases. Each command loads, changes and saves one restaurant and appends its event in
 * one transaction, so the stored version and the published {@code aggregateVersion} cannot disagree.
 */
@Transactional
public class RestaurantService implements CreateRestaurantUseCase, RenameRestaurantUseCase, ReviseMenuUseCase, ChangeOpeningHoursUseCase,
    GetRestaurantQuery {

    private final RestaurantRepository restaurants;
    private final RestaurantEventPublisher events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public RestaurantService(RestaurantRepository restaurants, RestaurantEventPublisher events, IdempotencyKeys idempotencyKeys,
                             Clock clock) {
        this.restaurants = restaurants;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public RestaurantVersion create(CreateRestaurantCommand command) {
        RestaurantId id = RestaurantId.random();
        if (command.idempotencyKey().isPresent()) {
            // A creation always produces version 1, so the answer is known before the work is done;
            // claiming the key first makes a concurrent retry wait for this transaction instead of racing it.
            RestaurantVersion candidate = new RestaurantVersion(id, 1);
            RememberedCreation remembered = idempotencyKeys.remember(command.idempotencyKey().get(), command.fingerprint(), candidate);
            if (!remembered.result().equals(candidate)) {
                if (!remembered.fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException(command.idempotencyKey().get());
                }
                return remembered.result();
            }
        }
        return save(Restaurant.create(id, command.name(), command.cuisine(), command.location(), command.address(), command.openingHours(),
            command.menu(), clock.instant()), command.correlationId());
    }

    @Override
    public RestaurantVersion rename(RenameRestaurantCommand command) {
        Restaurant restaurant = load(command.restaurantId(), command.expectedVersion());
        restaurant.rename(command.name(), clock.instant());
        return save(restaurant, command.correlationId());
    }

    @Override
    public RestaurantVersion reviseMenu(ReviseMenuCommand command) {
        Restaurant restaurant = load(command.restaurantId(), command.expectedVersion());
        restaurant.reviseMenu(command.menu(), clock.instant());
        return save(restaurant, command.correlationId());
    }

    @Override
    public RestaurantVersion changeOpeningHours(ChangeOpeningHoursCommand command) {
        Restaurant restaurant = load(command.restaurantId(), command.expectedVersion());
        restaurant.changeOpeningHours(command.openingHours(), clock.instant());
        return save(restaurant, command.correlationId());
    }

    @Override
    @Transactional(readOnly = true)
    public RestaurantSnapshot get(RestaurantId restaurantId) {
        Restaurant restaurant = restaurants.findById(restaurantId).orElseThrow(() -> new RestaurantNotFoundException(restaurantId));
        return new RestaurantSnapshot(restaurant.id(), restaurant.name(), restaurant.cuisine(), restaurant.location(), restaurant.address(),
            restaurant.openingHours(), restaurant.menu(), restaurant.version());
    }

    private Restaurant load(RestaurantId restaurantId, OptionalLong expectedVersion) {
        Restaurant restaurant = restaurants.findById(restaurantId).orElseThrow(() -> new RestaurantNotFoundException(restaurantId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != restaurant.version()) {
            throw new StaleRestaurantVersionException(restaurantId, expectedVersion.getAsLong(), restaurant.version());
        }
        return restaurant;
    }

    /** A restaurant with nothing pending (a no-op command) is not written and keeps its version. */
    private RestaurantVersion save(Restaurant restaurant, CorrelationId correlationId) {
        if (restaurant.pendingEvents().isEmpty()) {
            return new RestaurantVersion(restaurant.id(), restaurant.version());
        }
        long stored = restaurants.save(restaurant);
        if (stored != restaurant.version()) {
            // Rolls back: an event whose aggregateVersion differs from the stored version would break the no-gap rule.
            throw new IllegalStateException("restaurant " + restaurant.id() + " stored at version " + stored + ", its event says "
                + restaurant.version());
        }
        events.publish(restaurant.pendingEvents(), correlationId);
        return new RestaurantVersion(restaurant.id(), stored);
    }
}
