package dev.panorama.rebuild.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds archived records for tests: event envelopes with Panorama's headers, and odd ones. */
public final class Records {

    public static final PartitionId ORDERS_0 = new PartitionId("ftgo.order.events", 0);

    private Records() {
    }

    /** A schema-shaped {@code order.OrderApproved} envelope at the given offset, with the panorama-* headers. */
    public static ArchivedRecord event(PartitionId partition, long offset) {
        String aggregateId = "order-" + (offset % 7);
        String eventId = UUID.nameUUIDFromBytes((partition + "@" + offset).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("panorama-event-id", utf8(eventId));
        headers.put("panorama-event-type", utf8("order.OrderApproved"));
        headers.put("panorama-aggregate-id", utf8(aggregateId));
        headers.put("panorama-aggregate-version", utf8(Long.toString(offset + 1)));
        String value = """
            {"eventId":"%s","eventType":"order.OrderApproved","schemaVersion":1,"aggregateType":"order","aggregateId":"%s",\
            "aggregateVersion":%d,"occurredAt":"2026-11-26T08:00:00Z","correlationId":"c-%d","payload":{"orderId":"%s","note":"ünïcødé ✓"}}"""
            .formatted(eventId, aggregateId, offset + 1, offset, aggregateId);
        return new ArchivedRecord(partition, offset, 1_764_144_000_000L + offset, utf8(aggregateId), headers, utf8(value));
    }

    /** Records at the given offsets. */
    public static List<ArchivedRecord> events(PartitionId partition, long... offsets) {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset : offsets) {
            records.add(event(partition, offset));
        }
        return records;
    }

    /** Records at offsets from..to inclusive. */
    public static List<ArchivedRecord> range(PartitionId partition, long from, long to) {
        List<ArchivedRecord> records = new ArrayList<>();
        for (long offset = from; offset <= to; offset++) {
            records.add(event(partition, offset));
        }
        return records;
    }

    /** A poison record: value, key and one header that are not UTF-8, a null header value. */
    public static ArchivedRecord poison(PartitionId partition, long offset) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("panorama-event-type", utf8("order.Unknown"));
        headers.put("binary", new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        headers.put("empty", null);
        return new ArchivedRecord(partition, offset, 1_764_144_000_000L, new byte[] {(byte) 0xFE, 'k'}, headers,
            new byte[] {(byte) 0x80, (byte) 0xFF, '{', 0, '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
