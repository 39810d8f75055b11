ALTER TABLE people ADD COLUMN email VARCHAR(200);
INSERT INTO people (id, name, email) VALUES (1, 'Ada', 'ada@example.org');
