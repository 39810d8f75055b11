-- The first migration: a table to hold customers.
CREATE TABLE customer (
  id BIGINT PRIMARY KEY,
  name VARCHAR(200) NOT NULL
);
