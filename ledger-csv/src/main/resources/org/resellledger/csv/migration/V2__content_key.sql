-- The key of a file's content (its rows, whatever its line endings, quoting or trailing blank lines), so that
-- the same rows re-saved are the same file again. Imports recorded before this column read it as their
-- bytes' SHA-256. SQL that both H2 and PostgreSQL accept.

ALTER TABLE csv_import ADD COLUMN content_sha256 CHAR(64);

CREATE INDEX csv_import_content ON csv_import (workspace, content_sha256, kind);

-- room for the mode ALL_VALID_IN_UNITS
ALTER TABLE csv_import ALTER COLUMN mode SET DATA TYPE VARCHAR(32);
