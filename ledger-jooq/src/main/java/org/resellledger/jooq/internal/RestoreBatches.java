package org.resellledger.jooq.internal;

import java.util.ArrayList;
import java.util.List;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.store.Receipt;
import org.resellledger.core.store.RestoreOrder;
import org.resellledger.core.store.RestoreSink;

/**
 * The sink a restore's producer fills: checks each event's place ({@link RestoreOrder}) as it comes and
 * hands full batches to {@code write}, which runs inside the restore's one transaction. Memory holds one
 * batch and one version per stream.
 */
public final class RestoreBatches implements RestoreSink {
  /** Writes one batch of events and receipts. */
  @FunctionalInterface
  public interface Write {
    void batch(List<LedgerEvent> events, List<Receipt> receipts);
  }

  private final int size;
  private final RestoreOrder order;
  private final Write write;
  private final List<LedgerEvent> events = new ArrayList<>();
  private final List<Receipt> receipts = new ArrayList<>();

  public RestoreBatches(WorkspaceId workspace, int size, Write write) {
    this.size = size;
    this.order = new RestoreOrder(workspace);
    this.write = write;
  }

  @Override
  public void event(LedgerEvent event) {
    order.next(event);
    events.add(event);
    if (events.size() >= size) {
      flush();
    }
  }

  @Override
  public void receipt(Receipt receipt) {
    receipts.add(receipt);
    if (receipts.size() >= size) {
      flush();
    }
  }

  /** Writes what is held. */
  public void flush() {
    if (events.isEmpty() && receipts.isEmpty()) {
      return;
    }
    write.batch(List.copyOf(events), List.copyOf(receipts));
    events.clear();
    receipts.clear();
  }
}
