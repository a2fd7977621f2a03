package dev.panorama.consumer.adapter.in.web;

import dev.panorama.commandweb.EntityTags;
import dev.panorama.commandweb.LostRaces;
import dev.panorama.consumer.adapter.in.web.ConsumerRequests.AddressBody;
import dev.panorama.consumer.adapter.in.web.ConsumerRequests.NameBody;
import dev.panorama.consumer.adapter.in.web.ConsumerRequests.RegisterConsumerRequest;
import dev.panorama.consumer.adapter.in.web.ConsumerResponses.CommandResponse;
import dev.panorama.consumer.adapter.in.web.ConsumerResponses.ConsumerResponse;
import dev.panorama.consumer.application.port.in.ChangeConsumerAddressCommand;
import dev.panorama.consumer.application.port.in.ChangeConsumerAddressUseCase;
import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.application.port.in.GetConsumerQuery;
import dev.panorama.consumer.application.port.in.GetConsumerQuery.ConsumerSnapshot;
import dev.panorama.consumer.application.port.in.IdempotencyKey;
import dev.panorama.consumer.application.port.in.RegisterConsumerCommand;
import dev.panorama.consumer.application.port.in.RegisterConsumerUseCase;
import dev.panorama.consumer.application.port.in.RenameConsumerCommand;
import dev.panorama.consumer.application.port.in.RenameConsumerUseCase;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.Email;
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

/** The command API. Every success answers {@code {consumerId, version}} with the version as ETag. */
@RestController
@RequestMapping("/consumers")
class ConsumerController {

    private final RegisterConsumerUseCase register;
    private final RenameConsumerUseCase rename;
    private final ChangeConsumerAddressUseCase changeAddress;
    private final GetConsumerQuery query;

    ConsumerController(RegisterConsumerUseCase register, RenameConsumerUseCase rename,
                       ChangeConsumerAddressUseCase changeAddress, GetConsumerQuery query) {
        this.register = register;
        this.rename = rename;
        this.changeAddress = changeAddress;
        this.query = query;
    }

    @PostMapping
    ResponseEntity<CommandResponse> register(@Valid @RequestBody RegisterConsumerRequest request,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                             @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ConsumerVersion result = register.register(new RegisterConsumerCommand(request.name().toPersonName(), new Email(request.email()),
            request.address().toAddress(), Optional.ofNullable(idempotencyKey).map(IdempotencyKey::new), correlation(correlationId)));
        return ResponseEntity.created(URI.create("/consumers/" + result.consumerId()))
            .eTag(EntityTags.of(result.version()))
            .body(CommandResponse.of(result));
    }

    @PutMapping("/{consumerId}/name")
    ResponseEntity<CommandResponse> rename(@PathVariable UUID consumerId, @Valid @RequestBody NameBody name,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        RenameConsumerCommand command = new RenameConsumerCommand(new ConsumerId(consumerId), name.toPersonName(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> rename.rename(command)));
    }

    @PutMapping("/{consumerId}/address")
    ResponseEntity<CommandResponse> changeAddress(@PathVariable UUID consumerId, @Valid @RequestBody AddressBody address,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
        ChangeConsumerAddressCommand command = new ChangeConsumerAddressCommand(new ConsumerId(consumerId), address.toAddress(),
            EntityTags.expectedVersion(ifMatch), correlation(correlationId));
        return answer(LostRaces.retriedUnlessIfMatch(ifMatch, () -> changeAddress.changeAddress(command)));
    }

    @GetMapping("/{consumerId}")
    ResponseEntity<ConsumerResponse> get(@PathVariable UUID consumerId) {
        ConsumerSnapshot consumer = query.get(new ConsumerId(consumerId));
        return ResponseEntity.ok().eTag(EntityTags.of(consumer.version())).body(ConsumerResponse.of(consumer));
    }

    private static ResponseEntity<CommandResponse> answer(ConsumerVersion result) {
        return ResponseEntity.ok().eTag(EntityTags.of(result.version())).body(CommandResponse.of(result));
    }

    /** The caller's correlation id when it sends one, so that its events can be traced back to its request. */
    private static CorrelationId correlation(String header) {
        return header == null || header.isBlank() ? CorrelationId.random() : new CorrelationId(header);
    }
}
