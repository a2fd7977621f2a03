-- The restaurant aggregate. Limits follow schemas/events/restaurant/*: what is stored can always be published.
create table restaurant (
    id          uuid             primary key,
    name        varchar(200)     not null,
    cuisine     varchar(100),
    lat         double precision not null check (lat between -90 and 90),
    lon         double precision not null check (lon between -180 and 180),
    street1     varchar(200)     not null,
    street2     varchar(200),
    city        varchar(100)     not null,
    postal_code varchar(20)      not null,
    country     char(2)          not null check (country ~ '^[A-Z]{2}$'),
    -- Spring Data JDBC's @Version: 1 on insert, +1 per update; equal to the events' aggregateVersion.
    version     bigint           not null check (version >= 1)
);

-- The opening hours, in the order given; replaced as a whole (Spring Data JDBC deletes and re-inserts them).
create table opening_period (
    restaurant_id uuid       not null references restaurant (id),
    position      integer    not null check (position >= 0 and position < 28),
    day_of_week   varchar(9) not null
        check (day_of_week in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    opens         char(5)    not null check (opens ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    closes        char(5)    not null check (closes ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'),
    primary key (restaurant_id, position)
);

-- The menu, in the order given; replaced as a whole like the opening hours.
create table menu_item (
    restaurant_id  uuid         not null references restaurant (id),
    position       integer      not null check (position >= 0 and position < 500),
    menu_item_id   varchar(64)  not null check (menu_item_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    name           varchar(200) not null,
    -- Money as the events carry it: a decimal string with two fraction digits, never a float.
    price_amount   varchar(12)  not null check (price_amount ~ '^(0|[1-9][0-9]{0,8})\.[0-9]{2}$'),
    price_currency char(3)      not null check (price_currency ~ '^[A-Z]{3}$'),
    primary key (restaurant_id, position),
    unique (restaurant_id, menu_item_id)
);

-- Idempotency-Key of POST /restaurants → the creation it made; written in that creation's transaction.
create table creation_idempotency_key (
    idempotency_key     varchar(200) primary key,
    -- SHA-256 of the request body, to refuse the key for a different creation.
    request_fingerprint char(64)     not null,
    restaurant_id       uuid         not null,
    version             bigint       not null,
    created_at          timestamptz  not null default now()
);
