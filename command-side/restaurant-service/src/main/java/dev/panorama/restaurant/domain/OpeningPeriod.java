package dev.panorama.restaurant.domain;

import java.time.DayOfWeek;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One period a restaurant is open, in its local time. {@code opens} is {@code HH:mm}; {@code closes} is
 * {@code HH:mm} or {@code 24:00}. A period whose {@code closes} is not after {@code opens} ends the next day
 * (18:00–02:00); one that opens and closes at the same minute would be ambiguous and is refused.
 */
public record OpeningPeriod(DayOfWeek dayOfWeek, String opens, String closes) {

    private static final Pattern OPENS = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern CLOSES = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

    public OpeningPeriod {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        if (opens == null || !OPENS.matcher(opens).matches()) {
            throw new InvalidValueException("opens must be a time HH:mm from 00:00 to 23:59");
        }
        if (closes == null || !CLOSES.matcher(closes).matches()) {
            throw new InvalidValueException("closes must be a time HH:mm from 00:00 to 23:59, or 24:00");
        }
        if (opens.equals(closes)) {
            throw new InvalidValueException("a period cannot open and close at the same time " + opens);
        }
    }
}
