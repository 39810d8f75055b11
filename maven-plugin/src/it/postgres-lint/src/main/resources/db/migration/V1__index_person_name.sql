-- Blocks writes to person while the index builds.
CREATE INDEX person_name ON person (name);
