-- A host application's own migration, run by the host's own Flyway (default history table).
CREATE TABLE host_customers (
  id    INTEGER      NOT NULL PRIMARY KEY,
  name  VARCHAR(100) NOT NULL
);
INSERT INTO host_customers (id, name) VALUES (1, 'Ana');
