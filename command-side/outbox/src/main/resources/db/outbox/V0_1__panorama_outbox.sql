-- The transactional outbox of a Panorama command service (panorama-outbox). A service includes it with
-- spring.flyway.locations=classpath:db/migration,classpath:db/outbox; its version sorts before the
-- service's own V1, V2... (see command-side/outbox/README.md).
create table outbox (
    -- Publication order. Per aggregate it follows the aggregate version, because a version is written
    -- only after the previous one committed.
    position          bigserial   primary key,
    event_id          uuid        not null unique,
    event_type        text        not null,
    schema_version    integer     not null check (schema_version >= 1),
    aggregate_type    text        not null,
    aggregate_id      text        not null,
    aggregate_version bigint      not null check (aggregate_version >= 1),
    occurred_at       timestamptz not null,
    correlation_id    text        not null,
    causation_id      text,
    payload           jsonb       not null,
    topic             text        not null,
    -- Database clock, like published_at, so that latency and age need no clock agreement with the relay.
    created_at        timestamptz not null default clock_timestamp(),
    published_at      timestamptz,
    constraint outbox_aggregate_version_once unique (aggregate_type, aggregate_id, aggregate_version)
);

-- The relay's read (oldest unpublished first) and the backlog measure stay small while the table grows.
create index outbox_unpublished on outbox (position) where published_at is null;
-- The purge finds old published rows without scanning the unpublished ones.
create index outbox_published_at on outbox (published_at) where published_at is not null;
