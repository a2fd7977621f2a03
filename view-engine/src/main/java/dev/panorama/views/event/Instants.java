package dev.panorama.views.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * Reads the contracts' instants ({@code 2026-11-26T20:05:00Z}, optionally with a fraction of one to nine
 * digits) without a {@link java.time.format.DateTimeFormatter}, which costs more than the rest of a
 * snapshot record's mapping. Anything else (offsets, lowercase letters, leap seconds, years beyond four
 * digits, invalid text) is left to {@link Instant#parse}, so the result, or the
 * {@link DateTimeParseException}, is always the one it would give.
 */
public final class Instants {

    private static final int SHORTEST = "2026-11-26T20:05:00Z".length();
    private static final int LONGEST = "2026-11-26T20:05:00.123456789Z".length();
    private static final int[] NANOS_PER_DIGIT_COUNT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Instants() {
    }

    /** @throws DateTimeParseException when {@code text} is not an ISO-8601 instant, as {@link Instant#parse} would */
    public static Instant parse(CharSequence text) {
        Instant instant = commonForm(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant written in the contracts' form, or {@code null} when the text is in any other form or invalid. */
    private static Instant commonForm(CharSequence text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
            || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
            || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            int fraction = digits(text, 20, fractionDigits);
            if (text.charAt(19) != '.' || fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT_COUNT[fractionDigits];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1 when one of them is not a digit. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
