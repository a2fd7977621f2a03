package dev.panorama.queryapi.adapter.in.security;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem details written by the security filters, which run before Spring MVC's exception handling. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "https://panorama.dev/problems/";

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
