package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.NotFoundException;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.admin.ViewVersionsStatus;
import dev.panorama.queryapi.application.port.in.ManageViewVersionsUseCase;
import dev.panorama.views.runtime.ViewVersions.VersionSet;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /admin/views/{view}/versions}, {@code POST /admin/views/{view}/switch} and
 * {@code POST /admin/views/{view}/rollback} (admins): the rebuild tool's {@code versions}, {@code switch} and
 * {@code rollback} over HTTP, with the same refusals (409, 404 for an unknown view). Who switched what is logged.
 */
@RestController
class ViewVersionController {

    private static final Logger log = LoggerFactory.getLogger(ViewVersionController.class);
    private static final int MAX_VERSION = 1_000_000;

    private final ManageViewVersionsUseCase versions;

    ViewVersionController(ManageViewVersionsUseCase versions) {
        this.versions = versions;
    }

    @GetMapping("/admin/views/{view}/versions")
    Map<String, Object> versions(@PathVariable("view") String view) {
        return body(versions.versions(known(view)));
    }

    @PostMapping("/admin/views/{view}/switch")
    Map<String, Object> switchTo(@PathVariable("view") String view, @RequestBody(required = false) String body, HttpServletRequest request,
                                 Principal principal) throws HttpMediaTypeNotSupportedException {
        View known = known(view);
        JsonBody fields = JsonBody.read(body, request.getContentType(), Set.of("version"));
        Integer version = fields.integer("version", 1, MAX_VERSION, true);
        fields.throwIfInvalid();
        log.info("{} asks to switch the readers of {} to v{}", principal.getName(), known.id(), version);
        ViewVersionsStatus switched = versions.switchTo(known, version);
        log.info("{} switched the readers of {} to v{} (v{} kept for a rollback)", principal.getName(), known.id(), switched.versions().active(),
            switched.versions().previous());
        return body(switched);
    }

    /** Takes no body: anything sent must still be an empty JSON object, so that a misplaced field is not silently ignored. */
    @PostMapping("/admin/views/{view}/rollback")
    Map<String, Object> rollback(@PathVariable("view") String view, @RequestBody(required = false) String body, HttpServletRequest request,
                                 Principal principal) throws HttpMediaTypeNotSupportedException {
        View known = known(view);
        JsonBody.read(body, request.getContentType(), Set.of()).throwIfInvalid();
        log.info("{} asks to roll the readers of {} back", principal.getName(), known.id());
        ViewVersionsStatus rolledBack = versions.rollback(known);
        log.info("{} rolled the readers of {} back to v{} (v{} kept for a rollback)", principal.getName(), known.id(),
            rolledBack.versions().active(), rolledBack.versions().previous());
        return body(rolledBack);
    }

    private static View known(String view) {
        return View.byId(view).orElseThrow(() -> new NotFoundException("no view named like that; views are "
            + Arrays.stream(View.values()).map(View::id).toList()));
    }

    private static Map<String, Object> body(ViewVersionsStatus status) {
        VersionSet set = status.versions();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", status.view().id());
        body.put("active", set.active());
        body.put("building", set.building());
        body.put("previous", set.previous());
        body.put("revision", set.revision());
        body.put("changedAt", set.changedAt().toString());
        if (status.rebuild() != null) {
            body.put("rebuild", LagController.rebuild(status.rebuild()));
        }
        return body;
    }
}
