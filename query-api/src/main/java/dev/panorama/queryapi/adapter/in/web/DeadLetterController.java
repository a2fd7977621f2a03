package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.admin.DeadLetterSummary;
import dev.panorama.queryapi.application.admin.RedriveOutcome;
import dev.panorama.queryapi.application.admin.RedriveRequest;
import dev.panorama.queryapi.application.port.in.AdministerDeadLettersUseCase;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /admin/dead-letters} and {@code POST /admin/dead-letters/redrive} (admins): what waits in the
 * view builder's dead-letter topic, and the view builder's {@code redrive} command over HTTP. Who redrove
 * what is logged.
 */
@RestController
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final AdministerDeadLettersUseCase deadLetters;

    DeadLetterController(AdministerDeadLettersUseCase deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    Map<String, Object> waiting() {
        DeadLetterSummary summary = deadLetters.waiting();
        Map<String, Integer> byReason = new TreeMap<>();
        summary.counts().forEach(count -> byReason.merge(count.reason(), count.count(), Integer::sum));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", summary.topic());
        body.put("redriveGroup", summary.redriveGroup());
        body.put("waiting", summary.waiting());
        body.put("scanned", summary.scanned());
        body.put("truncated", summary.truncated());
        body.put("byReason", byReason);
        body.put("counts", summary.counts().stream().map(count -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reason", count.reason());
            entry.put("originalTopic", count.originalTopic());
            entry.put("count", count.count());
            return entry;
        }).toList());
        return body;
    }

    @PostMapping("/admin/dead-letters/redrive")
    Map<String, Object> redrive(@RequestBody(required = false) String body, HttpServletRequest request, Principal principal)
        throws HttpMediaTypeNotSupportedException {
        JsonBody fields = JsonBody.read(body, request.getContentType(), Set.of("reason", "dryRun"));
        String reason = fields.text("reason", RedriveRequest.REASON);
        boolean dryRun = fields.bool("dryRun", false);
        fields.throwIfInvalid();
        RedriveRequest redrive = new RedriveRequest(Optional.ofNullable(reason), dryRun);
        log.info("{} asks to redrive {} dead letters{}", principal.getName(), reason == null ? "all" : reason, dryRun ? " (dry run)" : "");
        RedriveOutcome outcome = deadLetters.redrive(redrive);
        log.info("{} {} {} dead letters: {}", principal.getName(), dryRun ? "would have redriven" : "redrove", outcome.total(), outcome.redriven());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reason", reason);
        answer.put("dryRun", dryRun);
        answer.put("redriven", new TreeMap<>(outcome.redriven()));
        answer.put("total", outcome.total());
        return answer;
    }
}
