package dev.panorama.queryapi.adapter.in.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Authenticates {@code X-Api-Key}: the key's SHA-256 is compared, in constant time, with the configured
 * hashes. A wrong key is answered 401 at once (it is never logged); no header lets the other mechanisms
 * (JWT) try.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private record Known(String name, byte[] hash, List<String> roles) {
    }

    private final List<Known> keys;

    ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> keys) {
        this.keys = keys.stream().map(key -> {
            String hex = key.sha256() == null ? "" : key.sha256().trim().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("API key " + key.name() + ": sha256 must be 64 hexadecimal digits");
            }
            return new Known(key.name(), HexFormat.of().parseHex(hex), key.roles() == null ? List.of() : List.copyOf(key.roles()));
        }).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Known known = key.length() > MAX_KEY_LENGTH ? null : match(sha256(key));
        if (known == null) {
            SecurityContextHolder.clearContext();
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "the API key is not valid");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated("api-key:" + known.name(), null, Roles.authorities(known.roles())));
        chain.doFilter(request, response);
    }

    private Known match(byte[] hash) {
        Known found = null;
        for (Known known : keys) {
            if (MessageDigest.isEqual(known.hash(), hash)) {
                found = known;
            }
        }
        return found;
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
