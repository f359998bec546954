package org.resellledger.jooq;

/**
 * How a {@link JooqLedgerStore} is opened.
 *
 * @param migrate whether opening the store migrates its schema first (default true); a host that runs
 *     migrations itself turns it off and calls {@link JooqLedgerStore#migrate} from its own deployment step
 * @param embeddedPoolSize how many connections the embedded H2 store keeps at most (default 10); unused when
 *     the store is opened on the host's DataSource
 */
public record StoreOptions(boolean migrate, int embeddedPoolSize) {

  public StoreOptions {
    if (embeddedPoolSize < 1) {
      throw new IllegalArgumentException("embeddedPoolSize must be at least 1, got " + embeddedPoolSize);
    }
  }

  /** Migrate on open, 10 embedded connections. */
  public static StoreOptions defaults() {
    return new StoreOptions(true, 10);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds options; anything not set keeps its default. */
  public static final class Builder {
    private boolean migrate = true;
    private int embeddedPoolSize = 10;

    private Builder() {}

    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    public Builder embeddedPoolSize(int embeddedPoolSize) {
      this.embeddedPoolSize = embeddedPoolSize;
      return this;
    }

    public StoreOptions build() {
      return new StoreOptions(migrate, embeddedPoolSize);
    }
  }
}
