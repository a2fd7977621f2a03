package dev.panorama.order.application;

import dev.panorama.order.application.port.in.ApproveOrderCommand;
import dev.panorama.order.application.port.in.CancelOrderCommand;
import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.application.port.in.CreateOrderCommand;
import dev.panorama.order.application.port.in.GetOrderQuery.OrderSnapshot;
import dev.panorama.order.application.port.in.IdempotencyKey;
import dev.panorama.order.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.order.application.port.in.OrderNotFoundException;
import dev.panorama.order.application.port.in.OrderVersion;
import dev.panorama.order.application.port.in.RejectOrderCommand;
import dev.panorama.order.application.port.in.RestaurantUpdate;
import dev.panorama.order.application.port.in.ReviseOrderCommand;
import dev.panorama.order.application.port.in.StaleOrderVersionException;
import dev.panorama.order.application.port.in.UnknownRestaurantException;
import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.MenuItem;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.Order;
import dev.panorama.order.domain.OrderApproved;
import dev.panorama.order.domain.OrderCancelled;
import dev.panorama.order.domain.OrderCreated;
import dev.panorama.order.domain.OrderEvent;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderRejected;
import dev.panorama.order.domain.OrderRevised;
import dev.panorama.order.domain.OrderRuleException;
import dev.panorama.order.domain.OrderStatus;
import dev.panorama.order.domain.OrderTransitionException;
import dev.panorama.order.domain.OrderedItems;
import dev.panorama.order.domain.Reason;
import dev.panorama.order.domain.RestaurantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.panorama.order.domain.OrderFixtures.CONSUMER;
import static dev.panorama.order.domain.OrderFixtures.DELIVER_AT;
import static dev.panorama.order.domain.OrderFixtures.LASSI;
import static dev.panorama.order.domain.OrderFixtures.NAAN;
import static dev.panorama.order.domain.OrderFixtures.NOW;
import static dev.panorama.order.domain.OrderFixtures.RESTAURANT;
import static dev.panorama.order.domain.OrderFixtures.VINDALOO;
import static dev.panorama.order.domain.OrderFixtures.ajantaMenu;
import static dev.panorama.order.domain.OrderFixtures.mainStreet;
import static dev.panorama.order.domain.OrderFixtures.ordered;
import static dev.panorama.order.domain.OrderFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory ports that behave like the store (version 1 on insert, +1 per update). */
class OrderServiceTest {

    private static final CorrelationId CORRELATION = new CorrelationId("request-1");
    private static final Reason MISTAKE = new Reason("Ordered by mistake.");

    private final InMemoryOrders orders = new InMemoryOrders();
    private final InMemoryMenus menus = new InMemoryMenus();
    private final List<OrderEvent> published = new ArrayList<>();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final OrderService service = new OrderService(orders, menus, (events, correlation) -> published.addAll(events), keys,
        Clock.fixed(NOW, ZoneOffset.UTC));

    OrderServiceTest() {
        menus.menus.put(RESTAURANT, ajantaMenu());
    }

    @Test
    void createsAtVersionOnePricedFromTheReplicasMenu() {
        OrderVersion result = service.create(create(ordered(VINDALOO, 2, NAAN, 1), Optional.empty()));

        assertThat(result.version()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(OrderCreated.class, event -> {
            assertThat(event.orderId()).isEqualTo(result.orderId());
            assertThat(event.orderTotal()).isEqualTo(usd("28.18"));
            assertThat(event.lineItems().items().getFirst().name()).isEqualTo("Chicken Vindaloo");
        });
        OrderSnapshot snapshot = service.get(result.orderId());
        assertThat(snapshot.status()).isEqualTo(OrderStatus.APPROVAL_PENDING);
        assertThat(snapshot.version()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownRestaurantAndAnItemNotOnItsMenu() {
        assertThatThrownBy(() -> service.create(new CreateOrderCommand(CONSUMER, RestaurantId.random(), ordered(VINDALOO, 1), mainStreet(),
            DELIVER_AT, Optional.empty(), CORRELATION))).isInstanceOf(UnknownRestaurantException.class);
        assertThatThrownBy(() -> service.create(create(ordered(new MenuItemId("pizza"), 1), Optional.empty())))
            .isInstanceOf(OrderRuleException.class);
        assertThat(published).isEmpty();
        assertThat(orders.saves).isZero();
    }

    @Test
    void eachStepRaisesTheVersionByOneAndPublishesOneEventWithThatVersion() {
        OrderId id = service.create(create(ordered(VINDALOO, 2, NAAN, 1), Optional.empty())).orderId();

        OrderVersion revised = service.revise(new ReviseOrderCommand(id, ordered(VINDALOO, 2), OptionalLong.of(1), CORRELATION));
        OrderVersion approved = service.approve(new ApproveOrderCommand(id, OptionalLong.of(2), CORRELATION));
        OrderVersion revisedAgain = service.revise(new ReviseOrderCommand(id, ordered(LASSI, 1), OptionalLong.empty(), CORRELATION));
        OrderVersion cancelled = service.cancel(new CancelOrderCommand(id, MISTAKE, OptionalLong.of(4), CORRELATION));

        assertThat(List.of(revised, approved, revisedAgain, cancelled)).extracting(OrderVersion::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(published).extracting(OrderEvent::orderVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(published).map(Object::getClass).containsExactly(OrderCreated.class, OrderRevised.class, OrderApproved.class,
            OrderRevised.class, OrderCancelled.class);
        OrderSnapshot snapshot = service.get(id);
        assertThat(snapshot.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(snapshot.reason()).contains(MISTAKE);
        assertThat(snapshot.lineItems().total()).isEqualTo(usd("4.25"));
    }

    @Test
    void revisionIsPricedFromTheCurrentMenu() {
        OrderId id = service.create(create(ordered(NAAN, 2), Optional.empty())).orderId();
        menus.menus.put(RESTAURANT, new Menu(List.of(new MenuItem(NAAN, "Butter Naan", usd("3.90")))));

        service.revise(new ReviseOrderCommand(id, ordered(NAAN, 2), OptionalLong.empty(), CORRELATION));

        assertThat(published.getLast()).isInstanceOfSatisfying(OrderRevised.class, event -> {
            assertThat(event.lineItems().items().getFirst().name()).isEqualTo("Butter Naan");
            assertThat(event.orderTotal()).isEqualTo(usd("7.80"));
        });
        assertThatThrownBy(() -> service.revise(new ReviseOrderCommand(id, ordered(VINDALOO, 1), OptionalLong.empty(), CORRELATION)))
            .as("vindaloo left the menu").isInstanceOf(OrderRuleException.class);
        assertThat(service.get(id).version()).isEqualTo(2);
    }

    @Test
    void revisingToTheSameLinesAnswersTheCurrentVersionAndPublishesNothing() {
        OrderId id = service.create(create(ordered(VINDALOO, 2, NAAN, 1), Optional.empty())).orderId();

        OrderVersion again = service.revise(new ReviseOrderCommand(id, ordered(VINDALOO, 2, NAAN, 1), OptionalLong.of(1), CORRELATION));

        assertThat(again.version()).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(orders.saves).isEqualTo(1);
    }

    @Test
    void refusesAStepTheStateDoesNotAllowAndPublishesNothing() {
        OrderId id = service.create(create(ordered(VINDALOO, 1), Optional.empty())).orderId();
        service.reject(new RejectOrderCommand(id, new Reason("The restaurant is closed."), OptionalLong.empty(), CORRELATION));

        assertThatThrownBy(() -> service.approve(new ApproveOrderCommand(id, OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(OrderTransitionException.class);
        assertThatThrownBy(() -> service.cancel(new CancelOrderCommand(id, MISTAKE, OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(OrderTransitionException.class);
        assertThatThrownBy(() -> service.revise(new ReviseOrderCommand(id, ordered(VINDALOO, 1), OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(OrderTransitionException.class);
        assertThat(published).map(Object::getClass).containsExactly(OrderCreated.class, OrderRejected.class);
        assertThat(service.get(id).version()).isEqualTo(2);
    }

    @Test
    void refusesACommandForAnOlderVersionBeforeAskingTheStateMachine() {
        OrderId id = service.create(create(ordered(VINDALOO, 1), Optional.empty())).orderId();
        service.approve(new ApproveOrderCommand(id, OptionalLong.of(1), CORRELATION));

        assertThatThrownBy(() -> service.approve(new ApproveOrderCommand(id, OptionalLong.of(1), CORRELATION)))
            .isInstanceOf(StaleOrderVersionException.class).hasMessageContaining("version 2, not 1");
        assertThat(published).hasSize(2);
    }

    @Test
    void refusesAnUnknownOrder() {
        assertThatThrownBy(() -> service.approve(new ApproveOrderCommand(OrderId.random(), OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> service.get(OrderId.random())).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndPublishesNothing() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("order-1"));
        OrderVersion first = service.create(create(ordered(VINDALOO, 2), key));
        menus.menus.remove(RESTAURANT);

        OrderVersion retry = service.create(create(ordered(VINDALOO, 2), key));

        assertThat(retry).as("answered from the key, not priced again").isEqualTo(first);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesAKeyReusedForADifferentOrder() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("order-1"));
        service.create(create(ordered(VINDALOO, 2), key));

        assertThatThrownBy(() -> service.create(create(ordered(VINDALOO, 3), key))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aFingerprintCoversEveryFieldButIgnoresPrecisionTheOrderDoesNotKeep() {
        CreateOrderCommand command = create(ordered(VINDALOO, 2, NAAN, 1), Optional.empty());

        assertThat(command.fingerprint()).hasSize(64)
            .isEqualTo(new CreateOrderCommand(CONSUMER, RESTAURANT, ordered(VINDALOO, 2, NAAN, 1), mainStreet(), DELIVER_AT.plusNanos(1),
                Optional.empty(), CORRELATION).fingerprint())
            .isNotEqualTo(create(ordered(NAAN, 1, VINDALOO, 2), Optional.empty()).fingerprint())
            .isNotEqualTo(create(ordered(VINDALOO, 2, NAAN, 2), Optional.empty()).fingerprint())
            .isNotEqualTo(new CreateOrderCommand(CONSUMER, RESTAURANT, ordered(VINDALOO, 2, NAAN, 1), mainStreet(), DELIVER_AT.plusSeconds(1),
                Optional.empty(), CORRELATION).fingerprint());
    }

    private static CreateOrderCommand create(OrderedItems items, Optional<IdempotencyKey> key) {
        return new CreateOrderCommand(CONSUMER, RESTAURANT, items, mainStreet(), DELIVER_AT, key, CORRELATION);
    }

    /** Keeps what Spring Data JDBC would: the stored version, checked and raised on every save. */
    private static final class InMemoryOrders implements OrderRepository {

        private final Map<OrderId, Order> stored = new HashMap<>();
        private int saves;

        @Override
        public Optional<Order> findById(OrderId orderId) {
            return Optional.ofNullable(stored.get(orderId)).map(order -> copy(order, order.version()));
        }

        @Override
        public long save(Order order) {
            Order current = stored.get(order.id());
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != order.storedVersion()) {
                throw new IllegalStateException("optimistic lock");
            }
            saves++;
            stored.put(order.id(), copy(order, currentVersion + 1));
            return currentVersion + 1;
        }

        private static Order copy(Order order, long version) {
            return Order.restore(order.id(), order.consumerId(), order.restaurantId(), order.lineItems(), order.deliveryAddress(),
                order.deliverAt(), order.status(), order.reason().orElse(null), order.createdAt(), order.updatedAt(), version);
        }
    }

    private static final class InMemoryMenus implements RestaurantReplicas {

        private final Map<RestaurantId, Menu> menus = new HashMap<>();

        @Override
        public Optional<Menu> findMenu(RestaurantId restaurantId) {
            return Optional.ofNullable(menus.get(restaurantId));
        }

        @Override
        public boolean applyIfNewer(RestaurantUpdate update) {
            throw new UnsupportedOperationException("the order use cases only read the replica");
        }
    }

    private static final class InMemoryIdempotencyKeys implements IdempotencyKeys {

        private final Map<IdempotencyKey, RememberedCreation> remembered = new HashMap<>();

        @Override
        public RememberedCreation remember(IdempotencyKey key, String fingerprint, OrderVersion candidate) {
            return remembered.computeIfAbsent(key, k -> new RememberedCreation(fingerprint, candidate));
        }
    }
}
