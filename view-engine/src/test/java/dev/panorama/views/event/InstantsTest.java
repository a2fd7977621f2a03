package dev.panorama.views.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-26T20:05:00Z",
        "2026-11-26T20:05:00.1Z",
        "2026-11-26T20:05:00.120Z",
        "2026-11-26T20:05:00.123Z",
        "2026-11-26T20:05:00.123456Z",
        "2026-11-26T20:05:00.123456789Z",
        "2026-11-26T20:05:00.000000001Z",
        "2026-11-26T20:05:00.999999999Z",
        "2026-11-26T20:05:00.0Z",
        "2028-02-29T12:00:00Z",
        "2000-02-29T00:00:00Z",
        "2026-12-31T23:59:59.999999999Z",
        "2027-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "2026-04-30T10:00:00Z",
    })
    void readsTheContractsFormAsInstantParseDoes(String text) {
        assertThat(Instants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-26t20:05:00z",
        "2026-11-26T20:05:00z",
        "2026-11-26T20:05:00+01:00",
        "2026-11-26T20:05:00.5-05:30",
        "2026-11-26T20:05:00+00:00",
        "2026-12-31T23:59:60Z",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T20:05:00.Z",
    })
    void leavesOtherValidFormsToInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Instants.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "2026-11-26",
        "2026-11-26T20:05Z",
        "2026-11-26T20:05:00",
        "2026-11-26 20:05:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-31T00:00:00Z",
        "2026-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2026-11-26T25:00:00Z",
        "2026-11-26T20:60:00Z",
        "2026-11-26T20:05:61Z",
        "2026-11-26T20:05:00.1234567890Z",
        "2026-11-26T20:05:00,5Z",
        "2026-11-26T20:05:00.12a4Z",
        "2026-1a-26T20:05:00Z",
        "2026/11/26T20:05:00Z",
        "2026-11-26T20:05:00ZZ",
    })
    void refusesInvalidTextAsInstantParseDoes(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void readsBackAnyInstantAsItsOwnTextReadsBack() {
        Random random = new Random(20261126);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos);
            String text = instant.toString();

            assertThat(Instants.parse(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void readsBackEveryDayOfLeapAndCommonYearsAroundTheirBoundaries() {
        Instant day = Instant.parse("1999-12-25T00:00:00Z");
        Instant end = Instant.parse("2029-01-05T00:00:00Z");
        for (; day.isBefore(end); day = day.plusSeconds(86_399)) {
            String text = day.toString();
            assertThat(Instants.parse(text)).as(text).isEqualTo(day);
        }
    }
}
