package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.AsOf;
import dev.panorama.queryapi.application.ViewRead;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every view answer carries where it came from: {@code view}, {@code viewVersion}, {@code asOf}, also as headers. */
final class ViewResponses {

    static final String VIEW_VERSION_HEADER = "X-View-Version";
    static final String AS_OF_HEADER = "X-As-Of";

    private ViewResponses() {
    }

    static Map<String, Object> envelope(ViewRead<?> read) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", read.view().id());
        body.put("viewVersion", read.viewVersion());
        body.put("asOf", asOf(read.asOf()));
        return body;
    }

    static Map<String, Object> asOf(AsOf asOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastEventAt", asOf.lastEventAt() == null ? null : asOf.lastEventAt().toString());
        List<Map<String, Object>> offsets = asOf.offsets().stream().map(offset -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("topic", offset.topic());
            entry.put("partition", offset.partition());
            entry.put("nextOffset", offset.nextOffset());
            return entry;
        }).toList();
        body.put("offsets", offsets);
        return body;
    }

    static ResponseEntity<Map<String, Object>> ok(ViewRead<?> read, Map<String, Object> body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(VIEW_VERSION_HEADER, read.view().id() + "-v" + read.viewVersion());
        if (read.asOf().lastEventAt() != null) {
            response.header(AS_OF_HEADER, read.asOf().lastEventAt().toString());
        }
        return response.body(body);
    }
}
