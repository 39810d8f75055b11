DELETE FROM customer WHERE id = 1;
ALTER TABLE customer DROP COLUMN email;
