-- +goose Up
UPDATE accounts SET name = 'renamed';

-- +goose Down
UPDATE accounts SET name = 'semi;colon';
