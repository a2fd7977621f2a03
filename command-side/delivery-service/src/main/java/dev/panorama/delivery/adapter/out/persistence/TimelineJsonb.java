package dev.panorama.delivery.adapter.out.persistence;

import dev.panorama.delivery.adapter.out.persistence.DeliveryRow.MilestoneRow;
import dev.panorama.delivery.adapter.out.persistence.DeliveryRow.TimelineColumn;
import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.mapping.JdbcValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.sql.JDBCType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code timeline} column as jsonb: {@code [{"status": "SCHEDULED", "at": "2026-11-27T09:15:02.123456Z"}, ...]}.
 * Registered with Spring Data JDBC, which then maps {@link TimelineColumn} as one column of the row.
 */
final class TimelineJsonb {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TimelineJsonb() {
    }

    static List<Converter<?, ?>> converters() {
        return List.of(new Writer(), new Reader());
    }

    @WritingConverter
    static final class Writer implements Converter<TimelineColumn, JdbcValue> {

        @Override
        public JdbcValue convert(TimelineColumn timeline) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            timeline.milestones().forEach(milestone -> array.addObject().put("status", milestone.status()).put("at", milestone.at().toString()));
            // Sent untyped (OTHER), PostgreSQL takes the text as the column's type, jsonb.
            return JdbcValue.of(JSON.writeValueAsString(array), JDBCType.OTHER);
        }
    }

    @ReadingConverter
    static final class Reader implements Converter<PGobject, TimelineColumn> {

        @Override
        public TimelineColumn convert(PGobject column) {
            List<MilestoneRow> milestones = new ArrayList<>();
            for (JsonNode milestone : JSON.readTree(column.getValue())) {
                milestones.add(new MilestoneRow(milestone.get("status").asString(), instant(milestone.get("at").asString())));
            }
            return new TimelineColumn(milestones);
        }

        /** The service writes UTC instants; an offset (as PostgreSQL prints timestamptz in JSON) is read too. */
        private static Instant instant(String text) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
