-- What a listing's channel last said of it (price, title, quantity, status, each with the channel's time and
-- the event that recorded it), kept beside the listing's own details as JSON. NULL: the channel has said
-- nothing yet. Before this column the store could not keep a channel's observation at all: the round-trip
-- guard refused RecordChannelObservation, so no row written before it has a view to lose.
ALTER TABLE ledger_listings ADD COLUMN IF NOT EXISTS channel_view VARCHAR;
