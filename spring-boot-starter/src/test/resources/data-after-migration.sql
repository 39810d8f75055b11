INSERT INTO people (id, name, email) VALUES (2, 'Grace', 'grace@example.org');
