-- migrate:up
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION user_count() RETURNS bigint AS $$
BEGIN
  RETURN (SELECT count(*) FROM users);
END;
$$ LANGUAGE plpgsql;
INSERT INTO users (email) VALUES ('a;b@example.com');

-- migrate:down
DROP FUNCTION user_count();
DROP TABLE users;
