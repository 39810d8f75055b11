CREATE OR REPLACE VIEW customer_names AS SELECT id, name FROM customer;
