-- The order aggregate. Limits follow schemas/events/order/*: what is stored can always be published.
-- (The table is "orders": "order" is a reserved word.)
create table orders (
    id            uuid         primary key,
    consumer_id   uuid         not null,
    restaurant_id uuid         not null,
    street1       varchar(200) not null,
    street2       varchar(200),
    city          varchar(100) not null,
    postal_code   varchar(20)  not null,
    country       char(2)      not null check (country ~ '^[A-Z]{2}$'),
    deliver_at    timestamptz  not null,
    status        varchar(20)  not null check (status in ('APPROVAL_PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    -- Why it was rejected or cancelled: exactly in those two states.
    reason        varchar(500),
    -- Spring Data JDBC's @Version: 1 on insert, +1 per update; equal to the events' aggregateVersion.
    version       bigint       not null check (version >= 1),
    check ((status in ('REJECTED', 'CANCELLED')) = (reason is not null))
);

-- The priced lines, in the order given; replaced as a whole on a revision (Spring Data JDBC deletes and re-inserts them).
create table order_line_item (
    order_id            uuid         not null references orders (id),
    position            integer      not null check (position >= 0 and position < 100),
    menu_item_id        varchar(64)  not null check (menu_item_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    -- Name and unit price copied from the menu when the line was priced.
    name                varchar(200) not null,
    quantity            integer      not null check (quantity between 1 and 100),
    -- Money as the events carry it: a decimal string with two fraction digits, never a float.
    unit_price_amount   varchar(12)  not null check (unit_price_amount ~ '^(0|[1-9][0-9]{0,8})\.[0-9]{2}$'),
    unit_price_currency char(3)      not null check (unit_price_currency ~ '^[A-Z]{3}$'),
    primary key (order_id, position),
    unique (order_id, menu_item_id)
);

-- Idempotency-Key of POST /orders → the order it created; written in that creation's transaction.
create table creation_idempotency_key (
    idempotency_key     varchar(200) primary key,
    -- SHA-256 of the request body, to refuse the key for a different order.
    request_fingerprint char(64)     not null,
    order_id            uuid         not null,
    version             bigint       not null,
    created_at          timestamptz  not null default now()
);

-- The restaurants as this service knows them from ftgo.restaurant.events; orders are priced from their menus.
create table restaurant_replica (
    id         uuid         primary key,
    -- The restaurant's aggregateVersion last applied: older or equal events change nothing.
    version    bigint       not null check (version >= 1),
    -- Unknown until an event carrying it arrives (normally the creation, version 1).
    name       varchar(200),
    menu_known boolean      not null,
    updated_at timestamptz  not null default now()
);

-- A replica's menu, in the restaurant's order; replaced as a whole by each event that carries a menu.
create table restaurant_replica_menu_item (
    restaurant_id  uuid         not null references restaurant_replica (id),
    position       integer      not null check (position >= 0 and position < 500),
    menu_item_id   varchar(64)  not null check (menu_item_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    name           varchar(200) not null,
    price_amount   varchar(12)  not null check (price_amount ~ '^(0|[1-9][0-9]{0,8})\.[0-9]{2}$'),
    price_currency char(3)      not null check (price_currency ~ '^[A-Z]{3}$'),
    primary key (restaurant_id, position),
    unique (restaurant_id, menu_item_id)
);

-- The events a subscriber has handled (eventuate-tram's received_messages): written in the transaction
-- that handles the event, so a redelivery is recognised and changes nothing.
create table received_event (
    subscriber  varchar(100) not null,
    event_id    uuid         not null,
    received_at timestamptz  not null default now(),
    primary key (subscriber, event_id)
);
