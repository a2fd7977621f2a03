-- The consumer aggregate. Limits follow schemas/events/consumer/*: what is stored can always be published.
create table consumer (
    id          uuid         primary key,
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    email       varchar(254) not null,
    street1     varchar(200) not null,
    street2     varchar(200),
    city        varchar(100) not null,
    postal_code varchar(20)  not null,
    country     char(2)      not null check (country ~ '^[A-Z]{2}$'),
    -- Spring Data JDBC's @Version: 1 on insert, +1 per update; equal to the events' aggregateVersion.
    version     bigint       not null check (version >= 1)
);

-- One consumer per e-mail address, whatever its case; also the backstop for two concurrent registrations.
create unique index consumer_email_once on consumer (lower(email));

-- Idempotency-Key of POST /consumers → the registration it made; written in that registration's transaction.
create table registration_idempotency_key (
    idempotency_key     varchar(200) primary key,
    -- SHA-256 of the request body, to refuse the key for a different registration.
    request_fingerprint char(64)     not null,
    consumer_id         uuid         not null,
    version             bigint       not null,
    created_at          timestamptz  not null default now()
);
