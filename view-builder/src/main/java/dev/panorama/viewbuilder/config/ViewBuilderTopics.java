package dev.panorama.viewbuilder.config;

import java.util.List;

/** The event topics the view builder consumes, one per aggregate type, from the schemas' catalogue. */
public record ViewBuilderTopics(List<String> names) {
}
