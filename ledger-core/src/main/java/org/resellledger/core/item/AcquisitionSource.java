package org.resellledger.core.item;

import java.util.Optional;
import org.resellledger.core.value.Checks;

/** Where the item was bought: the kind of source and, optionally, which one ("Goodwill on 5th"). */
public record AcquisitionSource(Kind kind, Optional<String> name) {
  public AcquisitionSource {
    Checks.present("acquisitionSource.kind", kind);
    name = Checks.present("acquisitionSource.name", name).map(n -> Checks.text("acquisitionSource.name", n, 120));
  }

  public static AcquisitionSource of(Kind kind) {
    return new AcquisitionSource(kind, Optional.empty());
  }

  public static AcquisitionSource of(Kind kind, String name) {
    return new AcquisitionSource(kind, Optional.of(name));
  }

  /** Kinds of source, for sell-through and margin by source. */
  public enum Kind {
    THRIFT, ESTATE_SALE, GARAGE_SALE, AUCTION, RETAIL_ARBITRAGE, ONLINE_ARBITRAGE, WHOLESALE, LIQUIDATION,
    CONSIGNMENT, PERSONAL, OTHER
  }
}
