package org.resellledger.testkit.gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.item.AcquisitionSource;
import org.resellledger.core.item.BoxCondition;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.money.Money;

/**
 * A mutable copy of {@link ItemDetails}, for tests that change one field of existing details. The core
 * builder is strict (each field set once, no {@code from}), so "these details, but with another title" needs
 * this. {@link #build()} runs every check of {@link ItemDetails}, so a draft with a bad field fails there
 * exactly as user input would.
 */
public final class ItemDraft {
  public Sku sku;
  public String title;
  public Category category;
  public Condition condition;
  public Money costBasis;
  public LocalDate acquiredOn;
  public StorageLocation location;
  public PhotoStatus photoStatus;
  public Optional<Money> estimatedValue = Optional.empty();
  public Optional<Money> targetPrice = Optional.empty();
  public Optional<String> brand = Optional.empty();
  public List<Defect> defects = new ArrayList<>();
  public Optional<BoxCondition> boxCondition = Optional.empty();
  public Optional<AcquisitionSource> acquisitionSource = Optional.empty();
  public Optional<String> consignor = Optional.empty();
  public Map<String, String> specifics = new LinkedHashMap<>();
  public Optional<String> notes = Optional.empty();

  /** A draft holding every field of {@code details}. */
  public static ItemDraft of(ItemDetails details) {
    ItemDraft d = new ItemDraft();
    d.sku = details.sku();
    d.title = details.title();
    d.category = details.category();
    d.condition = details.condition();
    d.costBasis = details.costBasis();
    d.acquiredOn = details.acquiredOn();
    d.location = details.location();
    d.photoStatus = details.photoStatus();
    d.estimatedValue = details.estimatedValue();
    d.targetPrice = details.targetPrice();
    d.brand = details.brand();
    d.defects = new ArrayList<>(details.defects());
    d.boxCondition = details.boxCondition();
    d.acquisitionSource = details.acquisitionSource();
    d.consignor = details.consignor();
    d.specifics = new LinkedHashMap<>(details.specifics());
    d.notes = details.notes();
    return d;
  }

  /** Builds checked details; a bad field fails with the same {@code RejectionException} users get. */
  public ItemDetails build() {
    return ItemDetails.builder()
        .sku(sku)
        .title(title)
        .category(category)
        .condition(condition)
        .costBasis(costBasis)
        .acquiredOn(acquiredOn)
        .location(location)
        .photoStatus(photoStatus)
        .estimatedValue(estimatedValue)
        .targetPrice(targetPrice)
        .brand(brand)
        .addAllDefects(defects)
        .boxCondition(boxCondition)
        .acquisitionSource(acquisitionSource)
        .consignor(consignor)
        .putAllSpecifics(specifics)
        .notes(notes)
        .build();
  }
}
