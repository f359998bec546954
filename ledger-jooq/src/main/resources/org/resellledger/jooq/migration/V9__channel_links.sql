-- The channel-id map (core's org.resellledger.core.channel.ChannelLinkStore): a channel's own id of something a
-- listing stands for (a Shopify variant or inventory item, an eBay SKU or legacy item id, an Etsy product)
-- and the listing it stands for, who linked it and when. Written in SQL that both H2 and PostgreSQL accept.
--
-- ledger_channel_links_pk is the rule "one listing per (workspace, ref)": two writers linking one ref at once
-- cannot both make a row; the one that meets the key reads the winner's row (core's ChannelLinks decides).
CREATE TABLE ledger_channel_links (
  workspace_id        VARCHAR(64)  NOT NULL,
  channel             VARCHAR(32)  NOT NULL,
  ref_kind            VARCHAR(40)  NOT NULL,
  ref_id              VARCHAR(100) NOT NULL,
  listing_id          VARCHAR(64)  NOT NULL,
  linked_by_kind      VARCHAR(16)  NOT NULL,
  linked_by_name      VARCHAR(120) NOT NULL,
  -- the microsecond timestamp, and the 0-999 nanoseconds below it, as ledger_events keeps instants
  linked_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  linked_at_nanos     INTEGER      NOT NULL,
  CONSTRAINT ledger_channel_links_pk PRIMARY KEY (workspace_id, channel, ref_kind, ref_id)
);

-- A listing's links (linksTo), in the order they are listed.
CREATE INDEX ledger_channel_links_listing_ix
  ON ledger_channel_links (workspace_id, listing_id, channel, ref_kind, ref_id);
