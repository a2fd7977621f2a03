package dev.panorama.order.application;

import dev.panorama.order.application.port.in.ApproveOrderCommand;
import dev.panorama.order.application.port.in.ApproveOrderUseCase;
import dev.panorama.order.application.port.in.CancelOrderCommand;
import dev.panorama.order.application.port.in.CancelOrderUseCase;
import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.application.port.in.CreateOrderCommand;
import dev.panorama.order.application.port.in.CreateOrderUseCase;
import dev.panorama.order.application.port.in.GetOrderQuery;
import dev.panorama.order.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.order.application.port.in.OrderNotFoundException;
import dev.panorama.order.application.port.in.OrderVersion;
import dev.panorama.order.application.port.in.RejectOrderCommand;
import dev.panorama.order.application.port.in.RejectOrderUseCase;
import dev.panorama.order.application.port.in.ReviseOrderCommand;
import dev.panorama.order.application.port.in.ReviseOrderUseCase;
import dev.panorama.order.application.port.in.StaleOrderVersionException;
import dev.panorama.order.application.port.in.UnknownRestaurantException;
import dev.panorama.order.application.port.out.IdempotencyKeys;
import dev.panorama.order.application.port.out.IdempotencyKeys.RememberedCreation;
import dev.panorama.order.application.port.out.OrderEventPublisher;
import dev.panorama.order.application.port.out.OrderRepository;
import dev.panorama.order.application.port.out.RestaurantReplicas;
import dev.panorama.order.domain.LineItems;
import dev.panorama.order.domain.Menu;
import dev.panorama.order.domain.Order;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderedItems;
import dev.panorama.order.domain.RestaurantId;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The order use cases. Each command loads, changes and saves one order and appends its event in one
 * transaction, so the stored version and the published {@code aggregateVersion} cannot disagree. Prices
 * come from the local restaurant replica, never from a call to the restaurant service. The state machine
 * is the aggregate's; this class loads, checks {@code If-Match}, prices and saves.
 */
@Transactional
public class OrderService implements CreateOrderUseCase, ReviseOrderUseCase, ApproveOrderUseCase, RejectOrderUseCase, CancelOrderUseCase,
    GetOrderQuery {

    private final OrderRepository orders;
    private final RestaurantReplicas restaurants;
    private final OrderEventPublisher events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public OrderService(OrderRepository orders, RestaurantReplicas restaurants, OrderEventPublisher events, IdempotencyKeys idempotencyKeys,
                        Clock clock) {
        this.orders = orders;
        this.restaurants = restaurants;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public OrderVersion create(CreateOrderCommand command) {
        OrderId id = OrderId.random();
        if (command.idempotencyKey().isPresent()) {
            // A creation always produces version 1, so the answer is known before the work is done;
            // claiming the key first makes a concurrent retry wait for this transaction instead of racing it.
            OrderVersion candidate = new OrderVersion(id, 1);
            RememberedCreation remembered = idempotencyKeys.remember(command.idempotencyKey().get(), command.fingerprint(), candidate);
            if (!remembered.result().equals(candidate)) {
                if (!remembered.fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException(command.idempotencyKey().get());
                }
                return remembered.result();
            }
        }
        LineItems lineItems = price(command.restaurantId(), command.lineItems());
        return save(Order.create(id, command.consumerId(), command.restaurantId(), lineItems, command.deliveryAddress(), command.deliverAt(),
            clock.instant()), command.correlationId());
    }

    @Override
    public OrderVersion revise(ReviseOrderCommand command) {
        Order order = load(command.orderId(), command.expectedVersion());
        order.revise(price(order.restaurantId(), command.lineItems()), clock.instant());
        return save(order, command.correlationId());
    }

    @Override
    public OrderVersion approve(ApproveOrderCommand command) {
        Order order = load(command.orderId(), command.expectedVersion());
        order.approve(clock.instant());
        return save(order, command.correlationId());
    }

    @Override
    public OrderVersion reject(RejectOrderCommand command) {
        Order order = load(command.orderId(), command.expectedVersion());
        order.reject(command.reason(), clock.instant());
        return save(order, command.correlationId());
    }

    @Override
    public OrderVersion cancel(CancelOrderCommand command) {
        Order order = load(command.orderId(), command.expectedVersion());
        order.cancel(command.reason(), clock.instant());
        return save(order, command.correlationId());
    }

    @Override
    @Transactional(readOnly = true)
    public OrderSnapshot get(OrderId orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        return new OrderSnapshot(order.id(), order.consumerId(), order.restaurantId(), order.lineItems(), order.deliveryAddress(),
            order.deliverAt(), order.status(), order.reason(), order.version());
    }

    private LineItems price(RestaurantId restaurantId, OrderedItems ordered) {
        Menu menu = restaurants.findMenu(restaurantId).orElseThrow(() -> new UnknownRestaurantException(restaurantId));
        return menu.price(ordered);
    }

    /** A stale {@code If-Match} is refused before the state machine is asked: the client's view is out of date either way. */
    private Order load(OrderId orderId, OptionalLong expectedVersion) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != order.version()) {
            throw new StaleOrderVersionException(orderId, expectedVersion.getAsLong(), order.version());
        }
        return order;
    }

    /** An order with nothing pending (a no-op revision) is not written and keeps its version. */
    private OrderVersion save(Order order, CorrelationId correlationId) {
        if (order.pendingEvents().isEmpty()) {
            return new OrderVersion(order.id(), order.version());
        }
        long stored = orders.save(order);
        if (stored != order.version()) {
            // Rolls back: an event whose aggregateVersion differs from the stored version would break the no-gap rule.
            throw new IllegalStateException("order " + order.id() + " stored at version " + stored + ", its event says " + order.version());
        }
        events.publish(order.pendingEvents(), correlationId);
        return new OrderVersion(order.id(), stored);
    }
}
