-- The timeline moves into the delivery row as one jsonb array: [{"status": "SCHEDULED", "at": "2026-11-27T09:15:02.123456Z"}, ...],
-- in order, each instant in UTC. Spring Data JDBC rewrote a child table on every save of its root (delete every
-- milestone, insert them all again): four statements for a step that appends one element. As a column, a step is
-- one update of the row. A timeline is only ever read whole, with its delivery.
alter table delivery add column timeline jsonb;

update delivery d set timeline = coalesce(
    (select jsonb_agg(jsonb_build_object('status', m.status,
                                         'at', to_char(m.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                      order by m.position)
     from delivery_milestone m where m.delivery_id = d.id),
    '[]'::jsonb);

alter table delivery
    alter column timeline set not null,
    -- One milestone per version (the schedule, then one per change), each a status and an instant, as the
    -- child table's columns checked.
    add constraint delivery_timeline_valid check (
        jsonb_typeof(timeline) = 'array' and jsonb_array_length(timeline) = version
        and not jsonb_path_exists(timeline, '$[*] ? (!(@.status like_regex "^(SCHEDULED|COURIER_ASSIGNED|PICKED_UP|DELIVERED)$")
                                                    || !(@.at like_regex "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$"))'));

drop table delivery_milestone;
