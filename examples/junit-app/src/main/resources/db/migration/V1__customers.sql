CREATE TABLE customer (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
);
INSERT INTO customer (id, name) VALUES (1, 'Ada'), (2, 'Grace');
