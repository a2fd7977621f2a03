package dev.panorama.queryapi.adapter.in.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code panorama.query-api.security.*}. API keys are configured by their SHA-256 (hex), never in clear:
 * {@code printf %s "$KEY" | sha256sum}. JWTs are verified by Spring's resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}); their roles come from {@code rolesClaim}.
 *
 * @param apiKeys the accepted API keys
 * @param rolesClaim the JWT claim holding the caller's roles (a list or a space-separated string)
 */
@ConfigurationProperties("panorama.query-api.security")
public record SecurityProperties(@DefaultValue List<ApiKey> apiKeys, @DefaultValue("roles") String rolesClaim) {

    /**
     * @param name who holds the key (shown as the principal, never the key)
     * @param sha256 the key's SHA-256, 64 hexadecimal digits
     * @param roles {@code reader}, {@code operator}, {@code admin}
     */
    public record ApiKey(String name, String sha256, List<String> roles) {
    }
}
