package dev.panorama.restaurant.adapter.in.web;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The restaurant's version as a strong entity tag: {@code "3"}. */
final class EntityTags {

    private static final Pattern VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for; none when the header is absent or {@code *}.
     *
     * @throws InvalidIfMatchException when the header is not one tag this service hands out
     */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidIfMatchException(ifMatch);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    static final class InvalidIfMatchException extends RuntimeException {

        InvalidIfMatchException(String ifMatch) {
            super("If-Match must be one entity tag this service returned, such as \"3\", not " + ifMatch);
        }
    }
}
