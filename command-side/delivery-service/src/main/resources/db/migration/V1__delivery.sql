-- The delivery aggregate. Limits follow schemas/events/delivery/*: what is stored can always be published.
create table delivery (
    id            uuid         primary key,
    order_id      uuid         not null,
    restaurant_id uuid         not null,
    street1       varchar(200) not null,
    street2       varchar(200),
    city          varchar(100) not null,
    postal_code   varchar(20)  not null,
    country       char(2)      not null check (country ~ '^[A-Z]{2}$'),
    ready_by      timestamptz  not null,
    status        varchar(20)  not null check (status in ('SCHEDULED', 'COURIER_ASSIGNED', 'PICKED_UP', 'DELIVERED')),
    courier_id    varchar(64),
    courier_name  varchar(200),
    picked_up_at  timestamptz,
    delivered_at  timestamptz,
    -- Spring Data JDBC's @Version: 1 on insert, +1 per update; equal to the events' aggregateVersion.
    version       bigint       not null check (version >= 1),
    -- What each state has, so that no row can claim a state it has not reached.
    check ((status = 'SCHEDULED') = (courier_id is null)),
    check ((courier_id is null) = (courier_name is null)),
    check ((status in ('PICKED_UP', 'DELIVERED')) = (picked_up_at is not null)),
    check ((status = 'DELIVERED') = (delivered_at is not null))
);

-- One delivery per order; also the backstop for two concurrent schedules of the same order.
create unique index delivery_order_once on delivery (order_id);

-- Idempotency-Key of POST /deliveries → the delivery it scheduled; written in that schedule's transaction.
create table schedule_idempotency_key (
    idempotency_key     varchar(200) primary key,
    -- SHA-256 of the request body, to refuse the key for a different schedule.
    request_fingerprint char(64)     not null,
    delivery_id         uuid         not null,
    version             bigint       not null,
    created_at          timestamptz  not null default now()
);
