package org.resellledger.jooq.internal.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.EventId;
import org.resellledger.core.ledger.ProviderRef;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.StoredValues;
import org.resellledger.jooq.internal.schema.tables.records.LedgerReceiptsRecord;

/** A {@link Receipt} as one row of {@code ledger_receipts}; the event ids it produced are a JSON array. */
public final class ReceiptRows {
  private static final TypeReference<List<EventId>> EVENT_IDS = new TypeReference<>() {};

  private ReceiptRows() {}

  public static LedgerReceiptsRecord toRecord(WorkspaceId workspace, Receipt receipt) {
    LedgerReceiptsRecord r = new LedgerReceiptsRecord();
    r.setWorkspaceId(workspace.value());
    r.setProvider(receipt.provider().provider());
    r.setProviderEventId(receipt.provider().eventId());
    r.setFingerprint(receipt.fingerprint());
    r.setEventIds(LedgerJson.write(receipt.events()));
    return r;
  }

  /** The stored row as a value, read as it was written (see {@link StoredValues}). */
  public static Receipt toReceipt(LedgerReceiptsRecord r) {
    return StoredValues.read(() -> readReceipt(r));
  }

  private static Receipt readReceipt(LedgerReceiptsRecord r) {
    return new Receipt(ProviderRef.of(r.getProvider(), r.getProviderEventId()), r.getFingerprint(),
        LedgerJson.read(r.getEventIds(), EVENT_IDS));
  }
}
