package dev.panorama.queryapi.application.admin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A redrive as an admin asks for it.
 *
 * @param reason only dead letters with this reason ({@code PARKED}, {@code INVALID_PAYLOAD}…), or all
 * @param dryRun count what would be redriven; publish and commit nothing
 */
public record RedriveRequest(Optional<String> reason, boolean dryRun) {

    /** The view builder's reasons are upper-case words joined by underscores. */
    public static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    public RedriveRequest {
        if (reason.isPresent() && !REASON.matcher(reason.get()).matches()) {
            throw new IllegalArgumentException("reason must match " + REASON.pattern());
        }
    }
}
