package org.resellledger.jooq.internal.mapping;

import java.time.LocalDate;
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
import org.resellledger.core.money.Money;

/**
 * The stored shape of {@link ItemDetails}: one field per attribute, read back through the public builder so
 * the details' own checks run again. A plain record because the Immutables builder has overloaded setters
 * that Jackson cannot choose between.
 */
record ItemDetailsJson(
    Sku sku,
    String title,
    Category category,
    Condition condition,
    Money costBasis,
    LocalDate acquiredOn,
    org.resellledger.core.item.StorageLocation location,
    PhotoStatus photoStatus,
    Optional<Money> estimatedValue,
    Optional<Money> targetPrice,
    Optional<String> brand,
    List<Defect> defects,
    Optional<BoxCondition> boxCondition,
    Optional<AcquisitionSource> acquisitionSource,
    Optional<String> consignor,
    Map<String, String> specifics,
    Optional<String> notes) {

  static ItemDetailsJson of(ItemDetails d) {
    return new ItemDetailsJson(d.sku(), d.title(), d.category(), d.condition(), d.costBasis(), d.acquiredOn(),
        d.location(), d.photoStatus(), d.estimatedValue(), d.targetPrice(), d.brand(), d.defects(),
        d.boxCondition(), d.acquisitionSource(), d.consignor(), d.specifics(), d.notes());
  }

  ItemDetails toDetails() {
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
        .addAllDefects(defects == null ? List.of() : defects)
        .boxCondition(boxCondition)
        .acquisitionSource(acquisitionSource)
        .consignor(consignor)
        .putAllSpecifics(specifics == null ? Map.of() : specifics)
        .notes(notes)
        .build();
  }
}
