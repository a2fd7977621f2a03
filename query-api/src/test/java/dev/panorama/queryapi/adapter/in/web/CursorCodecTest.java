package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.OrderSort;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CursorCodecTest {

    private static final UUID CONSUMER = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private final OrderHistoryQuery query = new OrderHistoryQuery("naan", CONSUMER, null, null, null, null, OrderSort.CREATED_AT_DESC, 20, null);

    @Test
    void aCursorComesBackAsTheSortKeyItWasMadeOf() {
        OrderHistoryQuery.SortKey key = new OrderHistoryQuery.SortKey(1_790_000_000_000L, "7c2f6a1e-0d4b-4e8a-9b3c-5f6e7d8c9b0a");
        RequestParameters parameters = new RequestParameters();

        String cursor = CursorCodec.encode(query, key);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(CursorCodec.decode(cursor, query, parameters)).isEqualTo(key);
        assertThat(parameters.hasErrors()).isFalse();
    }

    @Test
    void rejectsGarbageForgedValuesAndCursorsOfAnotherSearch() {
        String valid = CursorCodec.encode(query, new OrderHistoryQuery.SortKey(1L, UUID.randomUUID().toString()));
        OrderHistoryQuery otherSearch = new OrderHistoryQuery("ramen", CONSUMER, null, null, null, null, OrderSort.CREATED_AT_DESC, 20, null);
        String forged = Base64.getUrlEncoder().encodeToString(("c1|-createdAt|" + query.fingerprint() + "|1|{\"$gt\":\"\"}")
            .getBytes(StandardCharsets.UTF_8));
        for (String[] input : new String[][] {{"%%%", "q"}, {"", "q"}, {forged, "q"}, {valid, "other"}, {"x".repeat(500), "q"}}) {
            RequestParameters parameters = new RequestParameters();
            assertThat(CursorCodec.decode(input[0], input[1].equals("q") ? query : otherSearch, parameters)).isNull();
            assertThat(parameters.hasErrors()).as(input[0]).isTrue();
        }
    }
}
