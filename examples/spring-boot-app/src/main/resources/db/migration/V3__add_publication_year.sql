ALTER TABLE book ADD COLUMN published_in INTEGER;

INSERT INTO author (name) VALUES ('Ursula K. Le Guin'), ('Italo Calvino');

INSERT INTO book (title, author_id, published_in)
SELECT 'The Dispossessed', id, 1974 FROM author WHERE name = 'Ursula K. Le Guin';

INSERT INTO book (title, author_id, published_in)
SELECT 'Invisible Cities', id, 1972 FROM author WHERE name = 'Italo Calvino';
