package dev.panorama.queryapi.adapter.in.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;

/**
 * The operations console ({@code /console/}): static files that hold no data, so they are served without
 * credentials; the page asks for a key and sends it with each API call. Its responses carry a
 * Content-Security-Policy that allows only this origin's own script, style and API (no inline script, no
 * other origin, no framing, no form posted anywhere: a sign-in form can never put the key in a URL), and
 * no referrer.
 */
final class ConsoleHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final List<String> PATHS = List.of("/console", "/console/", "/console/**");

    private ConsoleHeaders() {
    }

    /** GETs of the console's files; nothing else under {@code /console} exists. */
    static RequestMatcher console() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(PATHS.stream().map(path -> (RequestMatcher) paths.matcher(HttpMethod.GET, path)).toList());
    }

    static HeaderWriter writer() {
        return new DelegatingRequestMatcherHeaderWriter(console(), new StaticHeadersWriter(Arrays.asList(
            new Header("Content-Security-Policy", POLICY), new Header("Referrer-Policy", "no-referrer"))));
    }
}
