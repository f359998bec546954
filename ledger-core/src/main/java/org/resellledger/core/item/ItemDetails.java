package org.resellledger.core.item;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.resellledger.core.LedgerStyle;
import org.resellledger.core.RejectionException;
import org.resellledger.core.ledger.TimeBounds;
import org.resellledger.core.value.Checks;
import org.resellledger.core.money.Money;

/**
 * What the seller knows about an item, as captured at intake and corrected since. Quantity and status are
 * not here: quantity lives in the ledger's buckets and status in the item's lifecycle.
 *
 * <ul>
 *   <li>Required at intake: SKU, title, category, condition, cost basis, acquired date, storage location,
 *       photo status. A builder missing one fails naming the field.
 *   <li>Money is never negative, and every amount is in the cost basis's currency.
 *   <li>Estimated market value and target price are kept apart from cost basis, and from any listing price.
 *   <li>Notes are context only: every value the ledger uses has its own field.
 * </ul>
 */
@Value.Immutable
@LedgerStyle
public abstract class ItemDetails {
  public static final int MAX_TITLE = 200;

  public abstract Sku sku();

  public abstract String title();

  public abstract Category category();

  public abstract Condition condition();

  /** What was paid for all units of this SKU, all in (price, fees, travel, tax). */
  public abstract Money costBasis();

  /** From 1900-01-01 to 2099-12-31 ({@link TimeBounds}); the ledger also refuses more than a day ahead. */
  public abstract LocalDate acquiredOn();

  public abstract StorageLocation location();

  public abstract PhotoStatus photoStatus();

  public abstract Optional<Money> estimatedValue();

  public abstract Optional<Money> targetPrice();

  public abstract Optional<String> brand();

  public abstract List<Defect> defects();

  public abstract Optional<BoxCondition> boxCondition();

  public abstract Optional<AcquisitionSource> acquisitionSource();

  public abstract Optional<String> consignor();

  /** Marketplace item specifics such as size, colour, model number; keys are unique. */
  public abstract Map<String, String> specifics();

  public abstract Optional<String> notes();

  /** The figure compared with the publishing threshold: estimated value, else target price, else cost. */
  public Money value() {
    return estimatedValue().or(this::targetPrice).orElse(costBasis());
  }

  public ItemDetails withCondition(Condition condition) {
    return ((ImmutableItemDetails) this).withCondition(condition);
  }

  public ItemDetails withConsignor(String consignor) {
    return ((ImmutableItemDetails) this).withConsignor(consignor);
  }

  public ItemDetails withCostBasis(Money costBasis) {
    return ((ImmutableItemDetails) this).withCostBasis(costBasis);
  }

  public ItemDetails withEstimatedValue(Money value) {
    return ((ImmutableItemDetails) this).withEstimatedValue(value);
  }

  public ItemDetails withStorage(StorageLocation location) {
    return ((ImmutableItemDetails) this).withLocation(location);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds details; {@code build()} fails naming any required field that is not set. */
  public static class Builder extends ImmutableItemDetails.Builder {
    /**
     * The details; refused {@code MISSING_FIELD} naming every required field not set, or with every
     * invalid field ({@link RejectionException#all()}).
     */
    @Override
    public ItemDetails build() {
      return Checks.built("item details", super::build);
    }
  }

  @Value.Check
  protected ItemDetails normalize() {
    Checks.all(
        () -> Checks.text("title", title(), MAX_TITLE),
        () -> Checks.date("acquiredOn", acquiredOn(), TimeBounds.EARLIEST_ACQUIRED_ON, TimeBounds.LATEST_ACQUIRED_ON),
        () -> costBasis().requireNonNegative("costBasis"),
        () -> estimatedValue().ifPresent(this::sameCurrency),
        () -> targetPrice().ifPresent(this::sameCurrency),
        () -> estimatedValue().ifPresent(m -> m.requireNonNegative("estimatedValue")),
        () -> targetPrice().ifPresent(m -> m.requireNonNegative("targetPrice")),
        () -> brand().ifPresent(b -> Checks.text("brand", b, 80)),
        () -> consignor().ifPresent(c -> Checks.text("consignor", c, 120)),
        () -> notes().ifPresent(n -> Checks.text("notes", n, 4000)),
        () -> specifics().forEach((k, v) -> {
          Checks.text("specifics.key", k, 60);
          Checks.text("specifics." + k, v, 200);
        }));
    String title = title().strip();
    if (!title.equals(title())) {
      return ((ImmutableItemDetails) ImmutableItemDetails.copyOf(this)).withTitle(title);
    }
    return this;
  }

  private void sameCurrency(Money m) {
    if (!m.currency().equals(costBasis().currency())) {
      throw RejectionException.invalid(
          "currency", m.currency(), "all item amounts must be in the cost basis currency " + costBasis().currency());
    }
  }
}
