-- +goose Up
CREATE TABLE accounts (
  id      INT PRIMARY KEY AUTO_INCREMENT,
  name    VARCHAR(100) NOT NULL,
  changes INT NOT NULL DEFAULT 0
);
INSERT INTO accounts (name) VALUES ('semi;colon');

-- +goose Down
DROP TABLE accounts;
