package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.adapter.in.web.InvalidParametersException.ParameterError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Rejects query parameters an endpoint does not declare, and repeated ones, with a 400 naming them: a
 * misspelt filter must not silently widen a search. The declared names come from the handler's
 * {@code @RequestParam}s, so the rule cannot drift from the endpoints.
 */
class KnownParametersInterceptor implements HandlerInterceptor {

    private static final int MAX_NAME = 50;

    private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("dev.panorama.queryapi")
            || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        Set<String> known = declared.computeIfAbsent(method, KnownParametersInterceptor::names);
        List<ParameterError> errors = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
            if (!known.contains(name)) {
                errors.add(new ParameterError(shown, "query", "unknown parameter" + (known.isEmpty() ? "; this endpoint takes none"
                    : "; known: " + known.stream().sorted().toList())));
            } else if (values.length > 1) {
                errors.add(new ParameterError(shown, "query", "given " + values.length + " times; give it once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return true;
    }

    private static Set<String> names(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
            .map(parameter -> parameter.getParameterAnnotation(RequestParam.class))
            .filter(java.util.Objects::nonNull)
            .map(RequestParam::name)
            .collect(Collectors.toUnmodifiableSet());
    }
}
