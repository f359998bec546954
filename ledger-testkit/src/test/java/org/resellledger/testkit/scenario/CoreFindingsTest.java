package org.resellledger.testkit.scenario;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.item.ItemCommand.ArchiveItem;
import org.resellledger.core.item.ItemCommand.ChangeItemStatus;
import org.resellledger.core.order.OrderCommand.ReceiveReturn;
import org.resellledger.core.order.OrderCommand.RecordLocalSale;
import org.resellledger.core.order.OrderCommand.RecordPickup;
import org.resellledger.core.order.OrderCommand.RequestReturn;
import org.resellledger.core.order.OrderCommand.SaleLine;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.testkit.gen.Samples;

/** Regressions for ledger-core bugs the simulator found, as readable scenarios. */
class CoreFindingsTest {
  private static final Sku JACKET = Sku.of("JKT-1");

  /** Sold, picked up, returned: one unit waits in INSPECTION. */
  private static Scenario returnWaitingForInspection() {
    Scenario s = Scenario.given(Samples.intake("JKT-1", 1),
        new RecordLocalSale(List.of(SaleLine.of(JACKET, 1, Samples.usd("5.00"))), Samples.manual("ben")));
    return s.and(new RecordPickup(s.order(0), Samples.manual("ben")),
        new RequestReturn(s.order(0), Instant.parse("2026-04-01T00:00:00Z"), Samples.manual("ben")),
        new ReceiveReturn(s.order(0), JACKET, 1, Samples.manual("ben")));
  }

  @Test
  void archiveItem_whileUnitsWaitForInspection_isRefusedLikeTheStatusChange() {
    returnWaitingForInspection()
        .when(new ArchiveItem(JACKET, Samples.manual("ana")))
        .thenRejected(RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION, "status");
  }

  @Test
  void statusChangeToArchived_whileUnitsWaitForInspection_isRefused() {
    returnWaitingForInspection()
        .when(new ChangeItemStatus(JACKET, ItemStatus.ARCHIVED, Samples.manual("ana")))
        .thenRejected(RejectionCode.ILLEGAL_ITEM_STATUS_TRANSITION, "status");
  }
}
