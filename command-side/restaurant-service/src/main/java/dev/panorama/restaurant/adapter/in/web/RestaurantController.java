package dev.panorama.restaurant.adapter.in.web;

import dev.panorama.commandweb.EntityTags;
import dev.panorama.commandweb.LostRaces;
import dev.panorama.restaurant.adapter.in.web.RestaurantRequests.CreateRestaurantRequest;
import dev.panorama.restaurant.adapter.in.web.RestaurantRequests.MenuBody;
import dev.panorama.restaurant.adapter.in.web.RestaurantRequests.NameBody;
import dev.panorama.restaurant.adapter.in.web.RestaurantRequests.OpeningHoursBody;
import dev.panorama.restaurant.adapter.in.web.RestaurantResponses.CommandResponse;
import dev.panorama.restaurant.adapter.in.web.RestaurantResponses.RestaurantResponse;
import dev.panorama.restaurant.application.port.in.ChangeOpeningHoursCommand;
import dev.panorama.restaurant.application.port.in.ChangeOpeningHoursUseCase;
import dev.panorama.restaurant.application.port.in.CorrelationId;
import dev.panorama.restaurant.application.port.in.CreateRestaurantCommand;
import dev.panorama.restaurant.application.port.in.CreateRestaurantUseCase;
import dev.panorama.restaurant.application.port.in.GetRestaurantQuery;
import dev.panorama.restaurant.application.port.in.GetRestaurantQuery.RestaurantSnapshot;
import dev.panorama.restaurant.application.port.in.IdempotencyKey;
import dev.panorama.restaurant.application.port.in.RenameRestaurantCommand;
import dev.panorama.restaurant.application.port.in.RenameRestaurantUseCase;
import dev.panorama.restaurant.application.port.in.RestaurantVersion;
import dev.panorama.restaurant.application.port.in.ReviseMenuCommand;
import dev.panorama.restaurant.application.port.in.ReviseMenuUseCase;
import dev.panorama.restaurant.domain.RestaurantId;
import dev.panorama.restaurant.domain.RestaurantName;
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

/** The command API. Every success answers {@code {restaurantId, version}} with the version as ETag. */
@RestController
@RequestMapping("/restaurants")
class RestaurantController {

    private final CreateRestaurantUseCase create;
    private final RenameRestaurantUseCase rename;
    private final ReviseMenuUseCase reviseMenu;
    private final ChangeOpeningHoursUseCase changeOpeningHours;
    private final GetRestaurantQuery query;

    RestaurantController(CreateRestaurantUseCase create, RenameRestaurantUseCase rename, ReviseMenuUseCase reviseMenu,
                         ChangeOpeningHoursUseCase changeOpeningHours, GetRestaurantQuery query) {
        this.create = create;
        this.rename = rename;
        this.reviseMenu = reviseMenu;
        this.changeOpeningHours = changeOpeningHours;
        this.query = query;
    }

    @PostMapping
    ResponseEntity<CommandResponse> create(@Valid @RequestBody CreateRestaurantRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        RestaurantVersion result = create.create(new CreateRestaurantCommand(new RestaurantName(request.name()), request.toCuisine(),
            request.location().toGeoPoint(), request.address().toAddress(), request.toOpeningHours(), request.menu().toMenu(),
            Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new), correlation(correlationId)));
        return ResponseEntity.created(URI.create("/restaurants/" + result.restaurantId()))
            .eTag(EntityTags.of(result.version()))
            .body(CommandResponse.of(result));
    }

    @PutMapping("/{restaurantId}/name")
    ResponseEntity<CommandResponse> rename(@PathVariable UUID restaurantId, @Valid @RequestBody NameBody name,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        RenameRestaurantCommand command = new RenameRestaurantCommand(new RestaurantId(restaurantId), name.toName(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> rename.rename(command)));
    }

    @PutMapping("/{restaurantId}/menu")
    ResponseEntity<CommandResponse> reviseMenu(@PathVariable UUID restaurantId, @Valid @RequestBody MenuBody menu,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ReviseMenuCommand command = new ReviseMenuCommand(new RestaurantId(restaurantId), menu.toMenu(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> reviseMenu.reviseMenu(command)));
    }

    @PutMapping("/{restaurantId}/opening-hours")
    ResponseEntity<CommandResponse> changeOpeningHours(@PathVariable UUID restaurantId, @Valid @RequestBody OpeningHoursBody hours,
                                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                       @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ChangeOpeningHoursCommand command = new ChangeOpeningHoursCommand(new RestaurantId(restaurantId),
            hours.toOpeningHours(), EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> changeOpeningHours.changeOpeningHours(command)));
    }

    @GetMapping("/{restaurantId}")
    ResponseEntity<RestaurantResponse> get(@PathVariable UUID restaurantId) {
        RestaurantSnapshot restaurant = query.get(new RestaurantId(restaurantId));
        return ResponseEntity.ok().eTag(EntityTags.of(restaurant.version())).body(RestaurantResponse.of(restaurant));
    }

    private static ResponseEntity<CommandResponse> answer(RestaurantVersion result) {
        return ResponseEntity.ok().eTag(EntityTags.of(result.version())).body(CommandResponse.of(result));
    }

    /** The caller's correlation id when it sends one, so that its events can be traced back to its request. */
    private static CorrelationId correlation(String header) {
        return header == null || header.isBlank() ? CorrelationId.random() : new CorrelationId(header);
    }
}
