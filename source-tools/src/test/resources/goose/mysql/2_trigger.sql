-- +goose Up
-- +goose StatementBegin
CREATE TRIGGER accounts_count BEFORE UPDATE ON accounts FOR EACH ROW
BEGIN
  SET NEW.changes = OLD.changes + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER accounts_count;
