package dev.panorama.order.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money as the events carry it: a decimal string with exactly two fraction digits (no sign, no
 * leading zeros, below one billion) and an ISO 4217 currency code. Never a float: arithmetic is
 * {@link BigDecimal}'s, exact.
 */
public record Money(String amount, String currency) {

    /** One billion: every amount is below it (the schemas' {@code (0|[1-9][0-9]{0,8})\.[0-9]{2}}). */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000");

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,8})\\.[0-9]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new InvalidValueException("amount must be a decimal with two fraction digits such as 12.34");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches() || !isIsoCurrency(currency)) {
            throw new InvalidValueException("currency must be an ISO 4217 code such as USD");
        }
    }

    /**
     * The amount {@code value} in {@code currency}.
     *
     * @throws InvalidValueException when the value is negative, has more than two fraction digits or is not below one billion
     */
    public static Money of(BigDecimal value, String currency) {
        if (value.signum() < 0 || value.compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("an amount is from 0.00 to 999999999.99 with at most two fraction digits: " + value.toPlainString());
        }
        return new Money(value.setScale(2).toPlainString(), currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
