-- migrate:up
CREATE TABLE notes (id INT PRIMARY KEY);
-- migrate:down
DROP TABLE notes;

-- migrate:up
CREATE TABLE tags (id INT PRIMARY KEY);
-- migrate:down
DROP TABLE tags;
