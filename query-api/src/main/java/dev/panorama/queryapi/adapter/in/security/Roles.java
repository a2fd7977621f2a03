package dev.panorama.queryapi.adapter.in.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The API's roles: {@code reader} reads views, {@code operator} also sees lag and metrics, {@code admin} also redrives and switches versions. */
enum Roles {
    READER, OPERATOR, ADMIN;

    static List<GrantedAuthority> authorities(Collection<String> names) {
        return names.stream().filter(Objects::nonNull).map(name -> name.trim().toUpperCase(Locale.ROOT))
            .filter(name -> java.util.Arrays.stream(values()).anyMatch(role -> role.name().equals(name)))
            .distinct()
            .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
            .toList();
    }
}
