-- When the order was created and last changed, as the view builder folds them from its events: the
-- occurredAt of its first and of its latest event. The service writes the very instant it puts into the
-- event (one clock read per change), so that a snapshot (GET /snapshot) says what folding the events says.
-- No check that created_at <= updated_at: the instants come from the clocks of whichever instances ran
-- the commands, and a slightly slow clock must not fail a command.
alter table orders
    add column created_at timestamptz,
    add column updated_at timestamptz;

-- Orders from before this migration take the instants from their events while the outbox still holds
-- them (it keeps published rows for panorama.outbox.relay.retention, 7 days by default): exactly what
-- the events said. Once purged, the earliest event still there stands in for the creation, and the
-- migration's own time for what is unknown: pre-1.0 data, documented in the README, not worth more.
update orders o set
    created_at = coalesce(
        (select e.occurred_at from outbox e where e.aggregate_type = 'order' and e.aggregate_id = o.id::text and e.aggregate_version = 1),
        (select min(e.occurred_at) from outbox e where e.aggregate_type = 'order' and e.aggregate_id = o.id::text),
        now()),
    updated_at = coalesce(
        (select e.occurred_at from outbox e where e.aggregate_type = 'order' and e.aggregate_id = o.id::text and e.aggregate_version = o.version),
        now());

alter table orders
    alter column created_at set not null,
    alter column updated_at set not null;
