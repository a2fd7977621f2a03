package dev.panorama.views.projection;

import dev.panorama.views.projection.AvailableRestaurantsProjection.OpenPeriod;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.panorama.views.fixtures.Events.open;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

class AvailableRestaurantsProjectionTest {

    @Test
    void aPeriodWithinTheDayIsOneRange() {
        assertThat(AvailableRestaurantsProjection.openPeriods(List.of(open(MONDAY, "11:00", "23:00"))))
            .containsExactly(new OpenPeriod("MONDAY", 660, 1380));
    }

    @Test
    void aPeriodPastMidnightContinuesOnTheNextDay() {
        assertThat(AvailableRestaurantsProjection.openPeriods(List.of(open(SATURDAY, "18:00", "02:00"), open(SUNDAY, "20:00", "01:00"))))
            .containsExactly(new OpenPeriod("SATURDAY", 1080, 1440), new OpenPeriod("SUNDAY", 0, 120),
                new OpenPeriod("SUNDAY", 1200, 1440), new OpenPeriod("MONDAY", 0, 60));
    }

    @Test
    void midnightAsClosingTimeEndsTheDay() {
        assertThat(AvailableRestaurantsProjection.openPeriods(List.of(open(MONDAY, "18:00", "24:00"), open(MONDAY, "08:00", "00:00"))))
            .containsExactly(new OpenPeriod("MONDAY", 1080, 1440), new OpenPeriod("MONDAY", 480, 1440));
    }
}
