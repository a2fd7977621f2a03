package dev.panorama.rebuild.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Option converters whose errors read as one clear line. */
final class Converters {

    private Converters() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("p")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                Matcher matcher = SHORT.matcher(text);
                if (matcher.matches()) {
                    long amount = Long.parseLong(matcher.group(1));
                    return switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
                }
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                // Reported below, as for any other text that is not a duration.
            }
            throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use 500ms, 30s, 5m, 1h or PT30S)");
        }
    }

    /** A byte count: {@code 1048576}, {@code 512KiB}, {@code 64MiB}, {@code 1GiB}, or decimal {@code kB}, {@code MB}, {@code GB}. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {

        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|kB|KB|MB|GB)?");
        private static final Map<String, Long> UNITS = Map.of(
            "B", 1L, "KiB", 1024L, "MiB", 1024L * 1024, "GiB", 1024L * 1024 * 1024,
            "kB", 1000L, "KB", 1000L, "MB", 1000L * 1000, "GB", 1000L * 1000 * 1000);

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.trim());
            if (matcher.matches()) {
                try {
                    long unit = matcher.group(2) == null ? 1 : UNITS.get(matcher.group(2));
                    return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
                } catch (NumberFormatException | ArithmeticException e) {
                    // Too large: reported below.
                }
            }
            throw new CommandLine.TypeConversionException("not a size: '" + value + "' (use 1048576, 512KiB, 64MiB or 1GiB)");
        }
    }

    /** A Java regular expression, checked when given. */
    static final class PatternConverter implements CommandLine.ITypeConverter<Pattern> {

        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.TypeConversionException("not a regular expression: '" + value + "' (" + e.getDescription() + ")");
            }
        }
    }
}
