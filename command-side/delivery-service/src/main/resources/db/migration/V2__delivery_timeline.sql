-- A delivery's timeline as the view builder folds it from its events: one milestone per event, in order,
-- at the instant the event carries (occurredAt of DeliveryScheduled and of each CourierAssigned, a
-- reassignment included; pickedUpAt and deliveredAt, which are those events' occurredAt too). The service
-- writes the very instant it puts into the event, so that a snapshot (GET /snapshot) says what folding the
-- events says. Replaced as a whole on every save, like the children of the other aggregates.
create table delivery_milestone (
    delivery_id uuid        not null references delivery (id),
    position    integer     not null check (position >= 0),
    status      varchar(20) not null check (status in ('SCHEDULED', 'COURIER_ASSIGNED', 'PICKED_UP', 'DELIVERED')),
    at          timestamptz not null,
    primary key (delivery_id, position)
);

-- Deliveries from before this migration. Their steps follow from version and status alone (one event per
-- version: the schedule, then one CourierAssigned per assignment, then the pickup and the delivery when
-- reached). Pickup and delivery times are stored already. The others come from the outbox while it still
-- holds the event (panorama.outbox.relay.retention, 7 days by default): exactly what the event said. Once
-- purged, the earliest later time known stands in (a later event's, the pickup, or the migration's own
-- time), which keeps the timeline in order: pre-1.0 data, documented in the README, not worth more.
with step as (
    select d.id, n.version, d.picked_up_at, d.delivered_at,
           case
               when n.version = 1 then 'SCHEDULED'
               when d.status = 'DELIVERED' and n.version = d.version then 'DELIVERED'
               when d.status = 'DELIVERED' and n.version = d.version - 1 then 'PICKED_UP'
               when d.status = 'PICKED_UP' and n.version = d.version then 'PICKED_UP'
               else 'COURIER_ASSIGNED'
           end as status
    from delivery d
    cross join lateral generate_series(1, d.version) as n(version)
)
insert into delivery_milestone (delivery_id, position, status, at)
select s.id, s.version - 1, s.status,
       case s.status
           when 'PICKED_UP' then s.picked_up_at
           when 'DELIVERED' then s.delivered_at
           else coalesce(
               (select e.occurred_at from outbox e
                where e.aggregate_type = 'delivery' and e.aggregate_id = s.id::text and e.aggregate_version = s.version),
               (select min(e.occurred_at) from outbox e
                where e.aggregate_type = 'delivery' and e.aggregate_id = s.id::text and e.aggregate_version > s.version),
               s.picked_up_at,
               now())
       end
from step s;
