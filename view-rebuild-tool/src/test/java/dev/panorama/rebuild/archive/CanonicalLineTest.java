package dev.panorama.rebuild.archive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.panorama.rebuild.archive.Records.ORDERS_0;
import static org.assertj.core.api.Assertions.assertThat;

class CanonicalLineTest {

    @Test
    void readsTheOffsetAndEveryHeaderOfALineAsTheCodecWritesIt() {
        ArchivedRecord record = Records.event(ORDERS_0, 1_234_567_890_123L);

        CanonicalLine line = scan(RecordCodec.encode(record));

        assertThat(line).isNotNull();
        assertThat(line.offset()).isEqualTo(1_234_567_890_123L);
        record.headers().keySet().forEach(name -> assertThat(line.get(name)).as(name).isEqualTo(record.header(name)));
        assertThat(line.get("panorama-aggregate")).as("a name that only starts like one").isNull();
        assertThat(line.get("absent")).isNull();
    }

    @Test
    void readsNullHeadersTombstonesKeysWithEscapesAndTextBeyondAscii() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("empty", null);
        headers.put("städte", Records.utf8("Zürich ✓"));
        ArchivedRecord record = new ArchivedRecord(ORDERS_0, 7, -1, Records.utf8("a \"quoted\\\" key\n"), headers, null);

        CanonicalLine line = scan(RecordCodec.encode(record));

        assertThat(line).isNotNull();
        assertThat(line.offset()).isEqualTo(7);
        assertThat(line.get("empty")).isNull();
        assertThat(line.get("städte")).isEqualTo("Zürich ✓");
    }

    @Test
    void unescapesTheValueIntoTheVeryBytesTheDecoderGives() {
        String[] values = {"{\"eventType\":\"order.OrderCreated\",\"note\":\"say \\\"hi\\\" \\\\ / done\"}", "tab\tnew line\n\r\b\f\u0001\u001f",
            "Zürich ✓ \u2028 €", "emoji 😀 and 𝄞", "", "plain"};
        for (String text : values) {
            ArchivedRecord record = new ArchivedRecord(ORDERS_0, 3, 4, null, Map.of("panorama-event-id", Records.utf8("e")), Records.utf8(text));
            byte[] encoded = RecordCodec.encode(record);

            CanonicalLine line = scan(encoded);

            assertThat(line).as(text).isNotNull();
            assertThat(line.value()).as(text).isEqualTo(RecordCodec.decode(encoded, 0, encoded.length, ORDERS_0).value()).isEqualTo(record.value());
        }
    }

    @Test
    void unescapesEscapesWhereverTheyFallAgainstItsEightByteSteps() {
        String escapes = "\"q\" \\ \n\t\u0001 é 😀 \"";
        for (int shift = 0; shift < 20; shift++) {
            for (String text : new String[] {"x".repeat(shift) + escapes + "y".repeat(shift), "z".repeat(shift) + "\"", "\\" + "w".repeat(shift)}) {
                ArchivedRecord record = new ArchivedRecord(ORDERS_0, 3, 4, null, Map.of(), Records.utf8(text));

                assertThat(scan(RecordCodec.encode(record)).value()).as(text).isEqualTo(record.value());
            }
        }
    }

    @Test
    void hasNoValueToGiveForALineWithoutOneOrWithItInBase64() {
        ArchivedRecord tombstone = new ArchivedRecord(ORDERS_0, 1, 1, null, Map.of(), null);
        ArchivedRecord binary = new ArchivedRecord(ORDERS_0, 2, 2, null, Map.of(), new byte[] {(byte) 0xFF, 0});

        assertThat(scan(RecordCodec.encode(tombstone)).value()).isNull();
        assertThat(scan(RecordCodec.encode(binary)).value()).isNull();
    }

    @Test
    void leavesToTheDecoderWhatItCannotReadWithoutOne() {
        Map<String, byte[]> escaped = new LinkedHashMap<>();
        escaped.put("note", Records.utf8("say \"hi\""));
        ArchivedRecord withEscapedHeader = new ArchivedRecord(ORDERS_0, 1, 1, null, escaped, Records.utf8("{}"));

        assertThat(scan(RecordCodec.encode(withEscapedHeader))).as("a header holding an escape").isNull();
        assertThat(scan(RecordCodec.encode(Records.poison(ORDERS_0, 2)))).as("base64 key and headers").isNull();
        assertThat(scan(utf8("{\"timestamp\":1,\"offset\":2,\"headers\":{}}"))).as("fields in another order").isNull();
        assertThat(scan(utf8("{\"offset\":1234567890123456789012,\"timestamp\":1,\"headers\":{}}"))).as("an offset too long").isNull();
        assertThat(scan(utf8("{\"offset\":,\"timestamp\":1,\"headers\":{}}"))).as("no offset").isNull();
        assertThat(scan(utf8("{\"offset\":1,\"timestamp\":1,\"headers\":{\"a\":\"b\"}"))).as("cut short").isNull();
        assertThat(scan(utf8("{\"offset\":1,\"timestamp\":1,\"headers\":{\"a\":\"b\"},\"value\":\"v\"} "))).as("something after it").isNull();
        assertThat(scan(utf8("{\"offset\":1,\"timestamp\":1,\"headers\":{\"a\":7}}"))).as("a header that is no string").isNull();
        // What the decoder makes of the one it can read: the same record.
        assertThat(RecordCodec.decode(RecordCodec.encode(withEscapedHeader), 0, RecordCodec.encode(withEscapedHeader).length, ORDERS_0))
            .isEqualTo(withEscapedHeader);
    }

    @Test
    void aHeaderGivenTwiceKeepsItsLastValueAsTheDecoderKeepsIt() {
        byte[] line = utf8("{\"offset\":3,\"timestamp\":1,\"headers\":{\"a\":\"first\",\"a\":\"last\"},\"value\":\"v\"}");

        assertThat(scan(line).get("a")).isEqualTo("last");
        assertThat(RecordCodec.decode(line, 0, line.length, ORDERS_0).header("a")).isEqualTo("last");
    }

    @Test
    void readsALineInTheMiddleOfABuffer() {
        byte[] encoded = RecordCodec.encode(Records.event(ORDERS_0, 42));
        byte[] buffer = new byte[encoded.length + 20];
        System.arraycopy(encoded, 0, buffer, 10, encoded.length);
        buffer[9] = '\n';
        buffer[10 + encoded.length] = '\n';

        CanonicalLine line = CanonicalLine.scan(buffer, 10, encoded.length);

        assertThat(line.offset()).isEqualTo(42);
        assertThat(line.get("panorama-aggregate-version")).isEqualTo("43");
    }

    private static CanonicalLine scan(byte[] line) {
        return CanonicalLine.scan(line, 0, line.length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
