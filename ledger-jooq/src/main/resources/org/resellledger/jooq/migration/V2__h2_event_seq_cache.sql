-- H2 only: hand out ledger_events.seq values 1,000 at a time (H2's default is 32). When its cache runs
-- out, H2 writes the identity's new high value and commits that in its own system session, which with
-- WRITE_DELAY=0 stores the whole database to the file: a commit of 1,000 events stored it some 30 extra
-- times (half the time of such a commit in a profile). H2's cache is one per database, so values are still
-- handed out in increasing order; a crash only leaves a gap. Not on PostgreSQL: there each session caches
-- its own range, so seq would no longer follow the order of inserts (nor a stream's versions).
/* [jooq ignore start] */
${h2_only_begin}
ALTER TABLE ledger_events ALTER COLUMN seq SET CACHE 1000;
${h2_only_end}
/* [jooq ignore stop] */
