CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL REFERENCES customer (id),
  total DECIMAL(10, 2) NOT NULL
);
CREATE VIEW customer_totals AS
  SELECT c.name AS name, COUNT(o.id) AS orders
  FROM customer c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.name;
