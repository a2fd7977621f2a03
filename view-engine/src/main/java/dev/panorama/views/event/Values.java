package dev.panorama.views.event;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;

/** The value types events carry, as the view builder reads them. */
public final class Values {

    private Values() {
    }

    /** A decimal amount with its ISO 4217 currency; never a floating-point number. */
    public record Money(BigDecimal amount, String currency) {

        public Money add(Money other) {
            if (!currency.equals(other.currency)) {
                throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
            }
            return new Money(amount.add(other.amount), currency);
        }

        public Money times(int quantity) {
            return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
        }

        /** The wire form: two fraction digits. */
        public String amountText() {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        }
    }

    public record Address(String street1, String street2, String city, String postalCode, String country) {
    }

    public record PersonName(String firstName, String lastName) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    public record GeoPoint(double lat, double lon) {
    }

    /**
     * A period a restaurant is open, local time {@code HH:mm}; a period whose {@code closes} is not after
     * {@code opens} ends on the next day, and {@code 24:00} means midnight at the end of the day.
     */
    public record OpeningPeriod(DayOfWeek dayOfWeek, String opens, String closes) {

        public int opensMinute() {
            return minuteOfDay(opens);
        }

        public int closesMinute() {
            return minuteOfDay(closes);
        }

        public boolean endsNextDay() {
            return closesMinute() <= opensMinute();
        }

        private static int minuteOfDay(String time) {
            return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
        }
    }

    public record MenuItem(String menuItemId, String name, Money price) {
    }

    public record LineItem(String menuItemId, String name, int quantity, Money unitPrice) {

        public Money total() {
            return unitPrice.times(quantity);
        }
    }

    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
