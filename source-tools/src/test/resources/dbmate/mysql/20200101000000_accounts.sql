-- migrate:up
CREATE TABLE accounts (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(100) NOT NULL);
INSERT INTO accounts (name) VALUES ('semi;colon'), ('two');

-- migrate:down
DROP TABLE accounts;
