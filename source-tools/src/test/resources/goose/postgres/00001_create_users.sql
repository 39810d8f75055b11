-- +goose Up
CREATE TABLE users (
  id    serial PRIMARY KEY,
  email text NOT NULL
);
INSERT INTO users (email) VALUES ('a;b@example.com');

-- +goose Down
DROP TABLE users;
