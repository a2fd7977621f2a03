package dev.panorama.queryapi.adapter.in.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Who may call what. Open: {@code /actuator/health/**}, the OpenAPI document and the operations console's
 * static files ({@link ConsoleHeaders}; the data it shows needs a key like any other call). Views: {@code reader},
 * {@code operator} or {@code admin}. Lag and the other actuator endpoints: {@code operator} or {@code admin}.
 * Admin operations ({@code /admin/**}: dead-letter redrive, version switch and rollback): {@code admin} only.
 * Callers authenticate with an API key ({@code X-Api-Key}) or, when a JWT verifier is configured, a
 * bearer token. Every refusal is a problem document.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] READERS = {"READER", "OPERATOR", "ADMIN"};
    private static final String[] OPERATORS = {"OPERATOR", "ADMIN"};

    /**
     * No observation around every security filter, authentication and authorization: under load they were
     * about a tenth of the API's CPU per request, for spans nobody charts. Each request is still observed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder)
        throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", jwtDecoder.getIfAvailable() == null ? "ApiKey" : "Bearer, ApiKey");
            ProblemResponses.write(response, 401, "unauthenticated", "Unauthenticated",
                "send an API key (X-Api-Key) or a bearer token");
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> ProblemResponses.write(response, 403, "forbidden", "Forbidden",
            "your roles do not allow this");
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> headers.addHeaderWriter(ConsoleHeaders.writer()))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
            .addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys()), BasicAuthenticationFilter.class)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/openapi.yaml").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(ConsoleHeaders.console()).permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .requestMatchers("/lag", "/lag/**", "/actuator/**").hasAnyRole(OPERATORS)
                .requestMatchers(HttpMethod.GET, "/order-history", "/orders/**", "/restaurants/**", "/consumers/**").hasAnyRole(READERS)
                .anyRequest().authenticated());
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(rolesFrom(properties.rolesClaim())))
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden));
        }
        return http.build();
    }

    /** A URL the firewall refuses (control characters, encoded slashes…) is a 400 problem too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, exception) -> ProblemResponses.write(response, 400, "rejected-request", "Rejected request",
            "the request URL or a header has characters this API does not accept");
    }

    private static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> new JwtAuthenticationToken(jwt, Roles.authorities(roles(jwt.getClaim(claim))), jwt.getSubject());
    }

    private static List<String> roles(Object claim) {
        return switch (claim) {
            case null -> List.of();
            case Collection<?> values -> values.stream().map(String::valueOf).toList();
            case String text -> Arrays.asList(text.split("[ ,]+"));
            default -> List.of();
        };
    }
}
