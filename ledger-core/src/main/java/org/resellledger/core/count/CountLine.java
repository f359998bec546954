package org.resellledger.core.count;

import java.time.Instant;
import java.util.Optional;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.EventId;

/**
 * One SKU's count in a session: what was found, and what the ledger said at that moment.
 *
 * <ul>
 *   <li>{@code expected} is the item's AVAILABLE units when the line was counted; empty for an unknown SKU.
 *   <li>{@code itemVersion} is the item's stream version then (0 when unknown): a close sees whether units
 *       moved since.
 *   <li>{@code event} is the {@code UnitsCounted} event, cited by the adjustment proposal's evidence.
 * </ul>
 */
public record CountLine(Sku sku, int counted, Optional<Long> expected, Optional<StorageLocation> ledgerLocation,
    long itemVersion, EventId event, Instant countedAt) {}
