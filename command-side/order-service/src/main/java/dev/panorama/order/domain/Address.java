package dev.panorama.order.domain;

import java.util.regex.Pattern;

/**
 * A postal address.
 *
 * @param street2 optional; {@code null} when absent (a blank one is taken as absent)
 * @param country ISO 3166-1 alpha-2 code, upper case
 */
public record Address(String street1, String street2, String city, String postalCode, String country) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Address {
        Values.required("street1", street1, 200);
        street2 = street2 == null || street2.isBlank() ? null : Values.optional("street2", street2, 200);
        Values.required("city", city, 100);
        Values.required("postalCode", postalCode, 20);
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new InvalidValueException("country must be an ISO 3166-1 alpha-2 code such as US");
        }
    }
}
