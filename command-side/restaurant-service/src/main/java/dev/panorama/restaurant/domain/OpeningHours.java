package dev.panorama.restaurant.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * All of a restaurant's opening periods, at most 28 (four a day), none given twice. None at all is a
 * restaurant that is closed for now.
 */
public record OpeningHours(List<OpeningPeriod> periods) {

    public static final int MAX_PERIODS = 28;

    public OpeningHours {
        Objects.requireNonNull(periods, "periods");
        periods = List.copyOf(periods);
        if (periods.size() > MAX_PERIODS) {
            throw new InvalidValueException("at most " + MAX_PERIODS + " opening periods");
        }
        Set<OpeningPeriod> seen = new HashSet<>();
        for (OpeningPeriod period : periods) {
            if (!seen.add(period)) {
                throw new InvalidValueException("opening period " + period.dayOfWeek() + " " + period.opens() + "–" + period.closes()
                    + " appears more than once");
            }
        }
    }
}
