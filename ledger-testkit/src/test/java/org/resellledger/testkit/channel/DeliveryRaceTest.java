package org.resellledger.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.store.InMemoryLedgerStore;

/** 1,000 webhooks delivered 5 times each over 8 threads on the reference store: 1,000 effects, 5,000 deliveries. */
class DeliveryRaceTest {
  @Test
  void aThousandWebhooksFiveTimesEach_overEightThreads_makeAThousandEffects_everyDeliveryCounted() throws Exception {
    DeliveryRace.Result r = DeliveryRace.run(WorkspaceId.of("race"), 1000, 5, 8, 42, new InMemoryLedgerStore());

    assertThat(r.errors()).isEmpty();
    assertThat(r.orders()).isEqualTo(1000);
    assertThat(r.applied()).isEqualTo(1000);
    assertThat(r.notApplied()).isZero();
    assertThat(r.deliveries()).isEqualTo(5000);
  }
}
