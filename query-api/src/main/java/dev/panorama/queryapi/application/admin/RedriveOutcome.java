package dev.panorama.queryapi.application.admin;

import java.util.Map;

/**
 * @param request what was asked
 * @param redriven per reason, how many dead letters went back to their topics (or would have, in a dry run)
 */
public record RedriveOutcome(RedriveRequest request, Map<String, Integer> redriven) {

    public int total() {
        return redriven.values().stream().mapToInt(Integer::intValue).sum();
    }
}
