-- Scale-out readiness: every primary key and unique key leads with workspace_id, the column a host that
-- shards by workspace distributes on (Citus requires every unique key of a distributed table to hold the
-- distribution column). V1 to V3 did that for every table but ledger_events, whose primary key was (seq).
-- Written in SQL that both H2 and PostgreSQL accept; every row is kept (only the key and indexes change).

-- (workspace_id, seq) is still unique (seq alone is), and is the order a workspace's events are read in:
-- it serves what ledger_events_workspace_seq_ix served, so that index goes, one index fewer per event
-- written. The other keys of ledger_events, (workspace_id, stream_kind, stream_id, version) and
-- (workspace_id, event_id), lead with workspace_id since V1.
ALTER TABLE ledger_events DROP CONSTRAINT ledger_events_pk;
ALTER TABLE ledger_events ADD CONSTRAINT ledger_events_pk PRIMARY KEY (workspace_id, seq);
DROP INDEX ledger_events_workspace_seq_ix;
