package dev.panorama.restaurant.domain;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money as the events carry it: a decimal string with exactly two fraction digits (no sign, no
 * leading zeros, below one billion) and an ISO 4217 currency code. Never a float.
 */
public record Money(String amount, String currency) {

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

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
