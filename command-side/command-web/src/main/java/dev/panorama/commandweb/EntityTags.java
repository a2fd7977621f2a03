package dev.panorama.commandweb;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An aggregate's version as a strong entity tag, {@code "3"}: the {@code ETag} of a command's answer and the {@code If-Match} of the next. */
public final class EntityTags {

    private static final Pattern VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,18})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for; none when the header is absent or {@code *}.
     *
     * @throws InvalidIfMatchException when the header is not one tag a command service hands out
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidIfMatchException(ifMatch);
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    /** An {@code If-Match} that no command service could have handed out: a 400, not a 409. */
    public static final class InvalidIfMatchException extends RuntimeException {

        InvalidIfMatchException(String ifMatch) {
            super("If-Match must be one entity tag this service returned, such as \"3\", not " + ifMatch);
        }
    }
}
