-- +goose Up
INSERT INTO envsub_table VALUES (10);

-- +goose Down
DELETE FROM envsub_table WHERE id = 10;
