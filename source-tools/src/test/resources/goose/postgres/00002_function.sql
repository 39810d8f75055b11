-- goose's v3 annotations are case-insensitive
-- +goose up
-- +goose statementbegin
CREATE FUNCTION user_count() RETURNS bigint AS $$
BEGIN
  RETURN (SELECT count(*) FROM users);
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION user_count();
-- +goose StatementEnd
