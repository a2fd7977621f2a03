package dev.panorama.views.adapter.mongo;

import dev.panorama.views.adapter.DocumentJson;
import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.GeoPoint;
import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.MenuItem;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.event.Values.OpeningPeriod;
import dev.panorama.views.event.Values.PersonName;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A state survives its trip through a MongoDB document, and states stored as parsed JSON text read the same. */
class MongoStateDocumentTest {

    private static final Instant AT = Instant.parse("2026-11-26T20:05:00.123456789Z");

    static List<AggregateState> states() {
        Address address = new Address("1 Main St", null, "Oakland", "94607", "US");
        Money price = new Money(new BigDecimal("12.50"), "USD");
        return List.of(
            new ConsumerState("c1", 3, new PersonName("Ada", "Lovelace"), "ada@example.org", address),
            new ConsumerState("c2", 1, new PersonName("Bob", "Ng"), null, new Address("2 Side St", "Apt 4", "Berkeley", "94704", "US")),
            new RestaurantState("r1", 7, "Ajanta", "Indian", new GeoPoint(37.8044, -122.2712), address,
                List.of(new OpeningPeriod(DayOfWeek.MONDAY, "11:30", "14:30"), new OpeningPeriod(DayOfWeek.FRIDAY, "18:00", "01:00")),
                List.of(new MenuItem("m1", "Dal", price), new MenuItem("m2", "Naan", new Money(new BigDecimal("2.5"), "USD")))),
            new OrderState("o1", 5_000_000_000L, "c1", "r1", OrderState.Status.values()[0], null,
                List.of(new LineItem("m1", "Dal", 2, price)), new Money(new BigDecimal("25.00"), "USD"), address, AT, null, AT.plusSeconds(1)),
            new OrderState("o2", 2, "c1", "r1", OrderState.Status.values()[OrderState.Status.values().length - 1], "no courier",
                List.of(), new Money(new BigDecimal("0"), "USD"), address, AT, AT.plusSeconds(3600), AT.plusSeconds(2)),
            new DeliveryState("d1", 4, "o1", "r1", DeliveryState.Status.values()[1], "k1", "Kim", AT,
                List.of(new DeliveryState.Milestone(DeliveryState.Status.values()[0], AT), new DeliveryState.Milestone(DeliveryState.Status.values()[1], AT.plusMillis(5)))));
    }

    @ParameterizedTest
    @MethodSource("states")
    void aStateReadsBackEqualAfterBsonEncoding(AggregateState state) {
        Document stored = throughBson(MongoStateStore.document(state));

        assertThat(MongoStateStore.state(stored)).isEqualTo(state);
        assertThat(stored.get("state", Document.class).toJson()).as("stored as the same JSON the state is")
            .isEqualTo(Document.parse(DocumentJson.toJson(state)).toJson());
    }

    @ParameterizedTest
    @MethodSource("states")
    void aStateStoredAsParsedJsonTextReadsTheSame(AggregateState state) {
        Document earlier = MongoStateStore.document(state).append("state", Document.parse(DocumentJson.toJson(state)));

        assertThat(MongoStateStore.state(throughBson(earlier))).isEqualTo(state);
    }

    private static Document throughBson(Document document) {
        BsonDocument bson = document.toBsonDocument(Document.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());
        return new DocumentCodec().decode(bson.asBsonReader(), DecoderContext.builder().build());
    }
}
