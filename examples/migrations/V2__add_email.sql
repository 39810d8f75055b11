ALTER TABLE customer ADD COLUMN email VARCHAR(320);
-- Text that looks like a placeholder is data: Strata substitutes nothing.
INSERT INTO customer (id, name, email) VALUES (1, 'Ada ${not a placeholder}', 'ada@example.com');
