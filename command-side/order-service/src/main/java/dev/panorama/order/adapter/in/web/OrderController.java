package dev.panorama.order.adapter.in.web;

import dev.panorama.commandweb.EntityTags;
import dev.panorama.commandweb.LostRaces;
import dev.panorama.order.adapter.in.web.OrderRequests.CreateOrderRequest;
import dev.panorama.order.adapter.in.web.OrderRequests.LineItemsBody;
import dev.panorama.order.adapter.in.web.OrderRequests.ReasonBody;
import dev.panorama.order.adapter.in.web.OrderResponses.CommandResponse;
import dev.panorama.order.adapter.in.web.OrderResponses.OrderResponse;
import dev.panorama.order.application.port.in.ApproveOrderCommand;
import dev.panorama.order.application.port.in.ApproveOrderUseCase;
import dev.panorama.order.application.port.in.CancelOrderCommand;
import dev.panorama.order.application.port.in.CancelOrderUseCase;
import dev.panorama.order.application.port.in.CorrelationId;
import dev.panorama.order.application.port.in.CreateOrderCommand;
import dev.panorama.order.application.port.in.CreateOrderUseCase;
import dev.panorama.order.application.port.in.GetOrderQuery;
import dev.panorama.order.application.port.in.GetOrderQuery.OrderSnapshot;
import dev.panorama.order.application.port.in.IdempotencyKey;
import dev.panorama.order.application.port.in.OrderVersion;
import dev.panorama.order.application.port.in.RejectOrderCommand;
import dev.panorama.order.application.port.in.RejectOrderUseCase;
import dev.panorama.order.application.port.in.ReviseOrderCommand;
import dev.panorama.order.application.port.in.ReviseOrderUseCase;
import dev.panorama.order.domain.ConsumerId;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.RestaurantId;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import static dev.panorama.commandweb.CommandHeaders.CORRELATION_ID;
import static dev.panorama.commandweb.CommandHeaders.IDEMPOTENCY_KEY;

/** The command API. Every success answers {@code {orderId, version}} with the version as ETag. */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final CreateOrderUseCase create;
    private final ReviseOrderUseCase revise;
    private final ApproveOrderUseCase approve;
    private final RejectOrderUseCase reject;
    private final CancelOrderUseCase cancel;
    private final GetOrderQuery query;

    OrderController(CreateOrderUseCase create, ReviseOrderUseCase revise, ApproveOrderUseCase approve, RejectOrderUseCase reject,
                    CancelOrderUseCase cancel, GetOrderQuery query) {
        this.create = create;
        this.revise = revise;
        this.approve = approve;
        this.reject = reject;
        this.cancel = cancel;
        this.query = query;
    }

    @PostMapping
    ResponseEntity<CommandResponse> create(@Valid @RequestBody CreateOrderRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        OrderVersion result = create.create(new CreateOrderCommand(new ConsumerId(request.consumerId()), new RestaurantId(request.restaurantId()),
            request.toOrderedItems(), request.deliveryAddress().toAddress(), request.deliverAt(),
            Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new), correlation(correlationId)));
        return ResponseEntity.created(URI.create("/orders/" + result.orderId()))
            .eTag(EntityTags.of(result.version()))
            .body(CommandResponse.of(result));
    }

    @PutMapping("/{orderId}/line-items")
    ResponseEntity<CommandResponse> revise(@PathVariable UUID orderId, @Valid @RequestBody LineItemsBody lineItems,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ReviseOrderCommand command = new ReviseOrderCommand(new OrderId(orderId), lineItems.toOrderedItems(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> revise.revise(command)));
    }

    @PostMapping("/{orderId}/approve")
    ResponseEntity<CommandResponse> approve(@PathVariable UUID orderId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ApproveOrderCommand command = new ApproveOrderCommand(new OrderId(orderId), EntityTags.expectedVersion(ifMatch),
            correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> approve.approve(command)));
    }

    @PostMapping("/{orderId}/reject")
    ResponseEntity<CommandResponse> reject(@PathVariable UUID orderId, @Valid @RequestBody ReasonBody reason,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        RejectOrderCommand command = new RejectOrderCommand(new OrderId(orderId), reason.toReason(), EntityTags.expectedVersion(ifMatch),
            correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> reject.reject(command)));
    }

    @PostMapping("/{orderId}/cancel")
    ResponseEntity<CommandResponse> cancel(@PathVariable UUID orderId, @Valid @RequestBody ReasonBody reason,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        CancelOrderCommand command = new CancelOrderCommand(new OrderId(orderId), reason.toReason(), EntityTags.expectedVersion(ifMatch),
            correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> cancel.cancel(command)));
    }

    @GetMapping("/{orderId}")
    ResponseEntity<OrderResponse> get(@PathVariable UUID orderId) {
        OrderSnapshot order = query.get(new OrderId(orderId));
        return ResponseEntity.ok().eTag(EntityTags.of(order.version())).body(OrderResponse.of(order));
    }

    private static ResponseEntity<CommandResponse> answer(OrderVersion result) {
        return ResponseEntity.ok().eTag(EntityTags.of(result.version())).body(CommandResponse.of(result));
    }

    /** The caller's correlation id when it sends one, so that its events can be traced back to its request. */
    private static CorrelationId correlation(String header) {
        return header == null || header.isBlank() ? CorrelationId.random() : new CorrelationId(header);
    }
}
