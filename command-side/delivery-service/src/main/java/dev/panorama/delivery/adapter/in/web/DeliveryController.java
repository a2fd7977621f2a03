package dev.panorama.delivery.adapter.in.web;

import dev.panorama.commandweb.EntityTags;
import dev.panorama.commandweb.LostRaces;
import dev.panorama.delivery.adapter.in.web.DeliveryRequests.AssignCourierRequest;
import dev.panorama.delivery.adapter.in.web.DeliveryRequests.ScheduleDeliveryRequest;
import dev.panorama.delivery.adapter.in.web.DeliveryResponses.CommandResponse;
import dev.panorama.delivery.adapter.in.web.DeliveryResponses.DeliveryResponse;
import dev.panorama.delivery.application.port.in.AssignCourierCommand;
import dev.panorama.delivery.application.port.in.AssignCourierUseCase;
import dev.panorama.delivery.application.port.in.CorrelationId;
import dev.panorama.delivery.application.port.in.DeliveryStepCommand;
import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.GetDeliveryQuery;
import dev.panorama.delivery.application.port.in.GetDeliveryQuery.DeliverySnapshot;
import dev.panorama.delivery.application.port.in.IdempotencyKey;
import dev.panorama.delivery.application.port.in.MarkDeliveredUseCase;
import dev.panorama.delivery.application.port.in.PickUpDeliveryUseCase;
import dev.panorama.delivery.application.port.in.ScheduleDeliveryCommand;
import dev.panorama.delivery.application.port.in.ScheduleDeliveryUseCase;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.OrderId;
import dev.panorama.delivery.domain.RestaurantId;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import static dev.panorama.commandweb.CommandHeaders.CORRELATION_ID;
import static dev.panorama.commandweb.CommandHeaders.IDEMPOTENCY_KEY;

/** The command API. Every success answers {@code {deliveryId, version}} with the version as ETag. */
@RestController
@RequestMapping("/deliveries")
class DeliveryController {

    private final ScheduleDeliveryUseCase schedule;
    private final AssignCourierUseCase assignCourier;
    private final PickUpDeliveryUseCase pickUp;
    private final MarkDeliveredUseCase markDelivered;
    private final GetDeliveryQuery query;

    DeliveryController(ScheduleDeliveryUseCase schedule, AssignCourierUseCase assignCourier, PickUpDeliveryUseCase pickUp,
                       MarkDeliveredUseCase markDelivered, GetDeliveryQuery query) {
        this.schedule = schedule;
        this.assignCourier = assignCourier;
        this.pickUp = pickUp;
        this.markDelivered = markDelivered;
        this.query = query;
    }

    @PostMapping
    ResponseEntity<CommandResponse> schedule(@Valid @RequestBody ScheduleDeliveryRequest request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                             @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        DeliveryVersion result = schedule.schedule(new ScheduleDeliveryCommand(new OrderId(request.orderId()),
            new RestaurantId(request.restaurantId()), request.deliveryAddress().toAddress(), request.readyBy(),
            Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new), correlation(correlationId)));
        return ResponseEntity.created(URI.create("/deliveries/" + result.deliveryId()))
            .eTag(EntityTags.of(result.version()))
            .body(CommandResponse.of(result));
    }

    @PostMapping("/{deliveryId}/courier")
    ResponseEntity<CommandResponse> assignCourier(@PathVariable UUID deliveryId, @Valid @RequestBody AssignCourierRequest request,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        AssignCourierCommand command = new AssignCourierCommand(new DeliveryId(deliveryId), request.toCourier(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> assignCourier.assignCourier(command)));
    }

    @PostMapping("/{deliveryId}/pickup")
    ResponseEntity<CommandResponse> pickUp(@PathVariable UUID deliveryId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        DeliveryStepCommand command = step(deliveryId, ifMatch, correlationId);
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> pickUp.pickUp(command)));
    }

    @PostMapping("/{deliveryId}/delivered")
    ResponseEntity<CommandResponse> markDelivered(@PathVariable UUID deliveryId,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        DeliveryStepCommand command = step(deliveryId, ifMatch, correlationId);
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> markDelivered.markDelivered(command)));
    }

    @GetMapping("/{deliveryId}")
    ResponseEntity<DeliveryResponse> get(@PathVariable UUID deliveryId) {
        DeliverySnapshot delivery = query.get(new DeliveryId(deliveryId));
        return ResponseEntity.ok().eTag(EntityTags.of(delivery.version())).body(DeliveryResponse.of(delivery));
    }

    private static DeliveryStepCommand step(UUID deliveryId, String ifMatch, String correlationId) {
        return new DeliveryStepCommand(new DeliveryId(deliveryId), EntityTags.expectedVersion(ifMatch), correlation(correlationId));
    }

    private static ResponseEntity<CommandResponse> answer(DeliveryVersion result) {
        return ResponseEntity.ok().eTag(EntityTags.of(result.version())).body(CommandResponse.of(result));
    }

    /** The caller's correlation id when it sends one, so that its events can be traced back to its request. */
    private static CorrelationId correlation(String header) {
        return header == null || header.isBlank() ? CorrelationId.random() : new CorrelationId(header);
    }
}
