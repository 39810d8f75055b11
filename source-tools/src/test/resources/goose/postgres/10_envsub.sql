-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE ${STRATA_IT_UNSET_TABLE:-envsub_table} (id int);
-- +goose ENVSUB OFF
COMMENT ON TABLE envsub_table IS '${not substituted}';

-- +goose Down
DROP TABLE envsub_table;
