CREATE TABLE orders (
    id      UUID PRIMARY KEY,
    version BIGINT NOT NULL
);
