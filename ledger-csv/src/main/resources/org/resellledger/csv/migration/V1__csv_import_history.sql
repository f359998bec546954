-- The CSV import history: imports, their rows, and the claim that lets one import of a file apply it.
-- The same tables, with the same names and columns, that JdbcImportHistory created by hand before it had
-- migrations; IF NOT EXISTS adopts those as they are, with their rows (the history is baselined at 0, so
-- this script always runs). SQL that both H2 and PostgreSQL accept.

CREATE TABLE IF NOT EXISTS csv_import (
  workspace VARCHAR(64) NOT NULL,
  import_id VARCHAR(120) NOT NULL,
  actor_kind VARCHAR(16) NOT NULL,
  actor_name VARCHAR(120) NOT NULL,
  imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  file_name VARCHAR(1000) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  mode VARCHAR(16) NOT NULL,
  outcome VARCHAR(32) NOT NULL,
  reason VARCHAR(1000),
  rows_read BIGINT NOT NULL,
  to_create BIGINT NOT NULL,
  to_update BIGINT NOT NULL,
  unchanged BIGINT NOT NULL,
  error_rows BIGINT NOT NULL,
  warnings BIGINT NOT NULL,
  applied BIGINT NOT NULL,
  failed BIGINT NOT NULL,
  already_applied BIGINT NOT NULL,
  PRIMARY KEY (workspace, import_id)
);

CREATE TABLE IF NOT EXISTS csv_import_row (
  workspace VARCHAR(64) NOT NULL,
  import_id VARCHAR(120) NOT NULL,
  row_no BIGINT NOT NULL,
  sku VARCHAR(64),
  action VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  message VARCHAR(2000),
  PRIMARY KEY (workspace, import_id, row_no)
);

CREATE TABLE IF NOT EXISTS csv_import_claim (
  workspace VARCHAR(64) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  import_id VARCHAR(120) NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (workspace, sha256, kind)
);

CREATE INDEX IF NOT EXISTS csv_import_file ON csv_import (workspace, sha256, kind);
CREATE INDEX IF NOT EXISTS csv_import_time ON csv_import (workspace, imported_at);
CREATE INDEX IF NOT EXISTS csv_import_row_sku ON csv_import_row (workspace, sku);
