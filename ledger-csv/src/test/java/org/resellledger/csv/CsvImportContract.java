package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resellledger.csv.Fixtures.csv;
import static org.resellledger.csv.Fixtures.intake;
import static org.resellledger.csv.Fixtures.text;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resellledger.core.listing.ListingCommand.CreateListing;
import org.resellledger.core.item.BoxCondition;
import org.resellledger.core.item.Defect;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.ledger.Actor;
import org.resellledger.core.item.ItemFact;
import org.resellledger.core.ledger.HistoryEntry;
import org.resellledger.core.ledger.LedgerEvent;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.ledger.Source;
import org.resellledger.core.listing.Channel;
import org.resellledger.core.listing.Listing;
import org.resellledger.core.listing.ListingDetails;
import org.resellledger.core.listing.SyncStatus;
import org.resellledger.core.money.Money;
import org.resellledger.core.store.LedgerStore;

/**
 * The import and export behaviour every store must give. A store's test class supplies the store and nothing
 * else.
 */
abstract class CsvImportContract {
  static final String ITEM_HEADER = "sku,title,category,condition,currency,cost_basis,acquired_on,location,"
      + "photo_status,quantity";
  static final String JACKET = "JKT-1,Levi's trucker jacket,Clothing > Men > Jackets,VERY_GOOD,USD,12.00,"
      + "2026-11-01,GARAGE/S1/B2,COMPLETE,2";

  /** A new, empty store. */
  protected abstract LedgerStore newStore();

  LedgerStore store;
  CsvImporter importer;
  /** What another writer does between an apply's validation and its first row (once, when set). */
  Runnable betweenValidationAndApply = () -> { };

  @BeforeEach
  void open() {
    store = newStore();
    // the claim is taken after validation and before the first row
    importer = CsvImporter.create(store, Fixtures.WS, Fixtures.config(),
        new ForwardingHistory(new InMemoryImportHistory()) {
          @Override
          public Optional<ImportId> claim(org.resellledger.core.WorkspaceId workspace, String content,
              ImportKind kind, ImportId id, java.time.Instant at, java.time.Duration lease) {
            Runnable other = betweenValidationAndApply;
            betweenValidationAndApply = () -> { };
            other.run();
            return super.claim(workspace, content, kind, id, at, lease);
          }
        });
  }

  @org.junit.jupiter.api.AfterEach
  void close() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** The store under test, whose commits fail ("disk full") once {@code okCommits[0]} more have gone in. */
  LedgerStore failingAfter(int[] okCommits) {
    return new org.resellledger.testkit.contract.ForwardingLedgerStore(store) {
      @Override
      public void commit(org.resellledger.core.store.Commit commit) {
        if (okCommits[0]-- == 0) {
          throw new IllegalStateException("disk full");
        }
        delegate.commit(commit);
      }
    };
  }

  ImportReport apply(ImportKind kind, CsvSource source) {
    return importer.apply(ImportRequest.of(kind, source));
  }

  ImportReport preview(ImportKind kind, CsvSource source) {
    return importer.preview(ImportRequest.of(kind, source));
  }

  Item item(String sku) {
    return importer.ledger().requireItem(Sku.of(sku));
  }

  @Nested
  class Items {
    @Test
    void newSku_createsItemWithEveryColumn() {
      ImportReport report = apply(ImportKind.ITEMS, csv("items.csv",
          "SKU,Title,Category,Condition,Currency,Cost Basis,Acquired On,Storage Location,Photo Status,Quantity,"
              + "Status,Estimated Value,Target Price,Brand,Defects,Box Condition,Acquisition Source,"
              + "Acquisition Source Name,Consignor,Specifics,Notes",
          "jkt-1,Levi's jacket,Clothing > Men > Jackets,very good,usd,12.5,2026-11-01,GARAGE/S1/B2,COMPLETE,3,"
              + "READY_TO_LIST,80,65.00,Levi's,STAIN:MINOR:left sleeve; HOLE:MAJOR:collar:about 2\\: mm,"
              + "NO_ORIGINAL_BOX,THRIFT,Goodwill on 5th,,size=M; colour=navy,\"first line\nsecond line\""));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
      Item item = item("JKT-1");
      assertThat(item.quantity()).isEqualTo(3);
      assertThat(item.status()).isEqualTo(ItemStatus.READY_TO_LIST);
      var d = item.details();
      assertThat(d.title()).isEqualTo("Levi's jacket");
      assertThat(d.category().path()).containsExactly("Clothing", "Men", "Jackets");
      assertThat(d.costBasis()).isEqualTo(Money.of("12.50", "USD"));
      assertThat(d.estimatedValue()).contains(Money.of("80", "USD"));
      assertThat(d.targetPrice()).contains(Money.of("65", "USD"));
      assertThat(d.location().toString()).isEqualTo("GARAGE/S1/B2");
      assertThat(d.defects()).containsExactly(
          Defect.of(Defect.Kind.STAIN, "left sleeve", Defect.Severity.MINOR),
          new Defect(Defect.Kind.HOLE, "collar", Defect.Severity.MAJOR, Optional.of("about 2: mm")));
      assertThat(d.boxCondition()).contains(BoxCondition.NO_ORIGINAL_BOX);
      assertThat(d.acquisitionSource().map(Object::toString)).hasValueSatisfying(s -> assertThat(s).contains("THRIFT"));
      assertThat(d.acquisitionSource().flatMap(a -> a.name())).contains("Goodwill on 5th");
      assertThat(d.specifics()).containsEntry("size", "M").containsEntry("colour", "navy");
      assertThat(d.notes()).contains("first line\nsecond line");
      assertThat(d.consignor()).isEmpty();
    }

    @Test
    void everyEvent_namesTheImport_asSourceActorAndCausation() {
      ImportReport report = apply(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER, JACKET));

      String id = report.id().orElseThrow().value();
      LedgerEvent intake = importer.ledger().history(Sku.of("JKT-1")).get(0).event();
      assertThat(intake.source()).isEqualTo(Source.CSV_IMPORT);
      assertThat(intake.actor()).isEqualTo(Actor.importer(id));
      assertThat(intake.causation()).contains(id);
      assertThat(importer.importOf(intake).map(ImportRecord::id)).contains(report.id().get());
    }

    @Test
    void namedPerson_isTheActor_andTheImportStaysTheCausation() {
      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER, JACKET))
          .by(Actor.person("ana")));

      LedgerEvent intake = importer.ledger().history(Sku.of("JKT-1")).get(0).event();
      assertThat(intake.actor()).isEqualTo(Actor.person("ana"));
      assertThat(intake.causation()).contains(report.id().orElseThrow().value());
      assertThat(importer.importOf(intake).map(ImportRecord::actor)).contains(Actor.person("ana"));
    }

    @Test
    void knownSku_updatesOnlyChangedFields_withFieldByFieldDiff() {
      intake(importer, "JKT-1", 2);
      CsvSource file = csv("items.csv", "sku,title,brand,condition", "JKT-1,Levi's type III jacket,Levi's,VERY_GOOD");

      ImportReport preview = preview(ImportKind.ITEMS, file);
      assertThat(preview.summary().toUpdate()).isEqualTo(1);
      assertThat(preview.rows().get(0).changes()).containsExactly(
          new FieldDiff("title", Optional.of("Levi's trucker jacket"), Optional.of("Levi's type III jacket")),
          new FieldDiff("brand", Optional.empty(), Optional.of("Levi's")));

      ImportReport applied = apply(ImportKind.ITEMS, file);
      assertThat(applied.rows().get(0).changes()).isEqualTo(preview.rows().get(0).changes());
      assertThat(item("JKT-1").details().title()).isEqualTo("Levi's type III jacket");
      assertThat(item("JKT-1").details().brand()).contains("Levi's");
      assertThat(item("JKT-1").details().costBasis()).isEqualTo(Money.of("12.00", "USD"));
    }

    @Test
    void blankCell_neverErases_andClearMarkerClearsOptionalField() {
      intake(importer, "JKT-1", 2);
      apply(ImportKind.ITEMS, csv("a.csv", "sku,brand,notes", "JKT-1,Levi's,keep me"));

      ImportReport blank = apply(ImportKind.ITEMS, csv("b.csv", "sku,brand,notes,title", "JKT-1,,  ,"));
      assertThat(blank.rows().get(0).action()).isEqualTo(RowAction.UNCHANGED);
      assertThat(item("JKT-1").details().brand()).contains("Levi's");
      assertThat(item("JKT-1").details().notes()).contains("keep me");

      ImportReport cleared = apply(ImportKind.ITEMS, csv("c.csv", "sku,brand,notes", "JKT-1,[CLEAR],"));
      assertThat(cleared.rows().get(0).changes())
          .containsExactly(new FieldDiff("brand", Optional.of("Levi's"), Optional.empty()));
      assertThat(item("JKT-1").details().brand()).isEmpty();
      assertThat(item("JKT-1").details().notes()).contains("keep me");
    }

    @Test
    void clearMarker_onRequiredField_isRowError() {
      intake(importer, "JKT-1", 2);
      ImportReport report = apply(ImportKind.ITEMS, csv("items.csv", "sku,title", "JKT-1,[clear]"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).contains("title");
        assertThat(e.code()).isEqualTo(ImportErrorCode.CANNOT_CLEAR);
      });
      assertThat(item("JKT-1").details().title()).isEqualTo("Levi's trucker jacket");
    }

    @Test
    void newItem_missingRequiredFields_namesEachColumn() {
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", "sku,title", "NEW-1,Lamp"));

      assertThat(report.errors()).extracting(e -> e.column().orElse(""), RowError::code).contains(
          org.assertj.core.groups.Tuple.tuple("category", ImportErrorCode.REQUIRED),
          org.assertj.core.groups.Tuple.tuple("cost_basis", ImportErrorCode.REQUIRED),
          org.assertj.core.groups.Tuple.tuple("quantity", ImportErrorCode.REQUIRED),
          org.assertj.core.groups.Tuple.tuple("currency", ImportErrorCode.REQUIRED));
    }

    @Test
    void enumNearMiss_suggestsTheValue() {
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER,
          JACKET.replace("VERY_GOOD", "very goood")));

      RowError e = report.errors().get(0);
      assertThat(e.code()).isEqualTo(ImportErrorCode.UNKNOWN_VALUE);
      assertThat(e.column()).contains("condition");
      assertThat(e.value()).contains("very goood");
      assertThat(e.message()).startsWith("did you mean VERY_GOOD?");
    }

    @Test
    void badMoneyDateQuantityAndSku_areTypedRowErrors() {
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER,
          "bad sku!,T,A > B,GOOD,USD,1,2026-01-01,G,NONE,1",
          "OK-1,T,A > B,GOOD,USD,$12,2026-01-01,G,NONE,1",
          "OK-2,T,A > B,GOOD,USD,12.345,2026-01-01,G,NONE,1",
          "OK-3,T,A > B,GOOD,XYZ,12,2026-01-01,G,NONE,1",
          "OK-4,T,A > B,GOOD,USD,12 EUR,2026-01-01,G,NONE,1",
          "OK-5,T,A > B,GOOD,USD,12,01/02/2026,G,NONE,1",
          "OK-6,T,A > B,GOOD,USD,12,2026-02-30,G,NONE,1",
          "OK-7,T,A > B,GOOD,USD,12,2026-01-01,G,NONE,-1"));

      assertThat(report.errors()).extracting(RowError::row, e -> e.column().orElse(""), RowError::code)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(2L, "sku", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "cost_basis", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(4L, "cost_basis", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(5L, "currency", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(6L, "cost_basis", ImportErrorCode.CURRENCY_MISMATCH),
              org.assertj.core.groups.Tuple.tuple(7L, "acquired_on", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(8L, "acquired_on", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(9L, "quantity", ImportErrorCode.NEGATIVE_QUANTITY));
      assertThat(report.errors().get(2).message()).contains("USD takes at most 2 decimal places");
    }

    @Test
    void everyProblemOfARow_isReportedInOnePreview_alsoThoseOnlyBuildingTheDetailsFinds() {
      intake(importer, "JKT-1", 2);
      String longTitle = "t".repeat(201);
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER + ",target_price,brand",
          "NEW-1,T,A > B,very goood,USD,12.345,2026-02-30,G,NONE,1,,",
          "NEW-2," + longTitle + ",A > B,GOOD,USD,12.00,2026-01-01,G,NONE,-1,1.001,",
          "JKT-1,,,,,,2026-13-01,,,,5.555," + "b".repeat(81)));

      assertThat(report.errors()).extracting(RowError::row, e -> e.column().orElse(""), RowError::code)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(2L, "condition", ImportErrorCode.UNKNOWN_VALUE),
              org.assertj.core.groups.Tuple.tuple(2L, "acquired_on", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(2L, "cost_basis", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "quantity", ImportErrorCode.NEGATIVE_QUANTITY),
              org.assertj.core.groups.Tuple.tuple(3L, "title", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "target_price", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(4L, "acquired_on", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(4L, "target_price", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(4L, "brand", ImportErrorCode.INVALID_VALUE));
      assertThat(report.errors()).filteredOn(e -> e.column().equals(Optional.of("cost_basis")))
          .singleElement().satisfies(e -> {
            assertThat(e.value()).contains("12.345");
            assertThat(e.message()).contains("USD takes at most 2 decimal places");
          });
      assertThat(report.rows()).extracting(RowResult::action).containsOnly(RowAction.ERROR);
    }

    /**
     * A cell error on a required detail leaves the builder without that field, which stops it checking the
     * others; the row's other detail errors, and the ledger's refusal of its status move (a rule the lane
     * does not know: no archiving while units are available), are still reported with it.
     */
    @Test
    void aCellError_andADetailsError_andALedgerRefusal_ofOneRow_areAllReported() {
      intake(importer, "JKT-1", 2);
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER + ",brand,status",
          "NEW-1,Lamp,Home,SHINY,USD,5.00,2026-10-01,SHED,NONE,1," + "b".repeat(81) + ",",
          "JKT-1,,,,,,2026-13-01,,,," + "b".repeat(81) + ",ARCHIVED"));

      assertThat(report.errors()).extracting(RowError::row, e -> e.column().orElse(""), RowError::code)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(2L, "condition", ImportErrorCode.UNKNOWN_VALUE),
              org.assertj.core.groups.Tuple.tuple(2L, "brand", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "acquired_on", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "brand", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "status", ImportErrorCode.ILLEGAL_ITEM_STATUS_TRANSITION));
      assertThat(report.errors()).filteredOn(e -> e.column().equals(Optional.of("status"))).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("cannot be archived while 2 units are AVAILABLE"));
      assertThat(report.rows()).extracting(RowResult::action).containsOnly(RowAction.ERROR);
    }

    @Test
    void sameSkuTwiceInFile_isDuplicateError_evenInAnotherCase() {
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER, JACKET,
          JACKET.replace("JKT-1", "jkt-1")));

      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_IN_FILE);
      });
    }

    @Test
    void quantityChange_becomesAdjustQuantity_withTheImportReason() {
      intake(importer, "JKT-1", 2);
      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, csv("items.csv", "sku,quantity",
          "JKT-1,5")).because("stock count 2026-11"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(report.rows().get(0).changes())
          .containsExactly(new FieldDiff("quantity", Optional.of("2"), Optional.of("5")));
      List<HistoryEntry> history = importer.ledger().history(Sku.of("JKT-1"));
      LedgerEvent adjust = history.get(history.size() - 1).event();
      assertThat(adjust.payload()).isEqualTo(new ItemFact.QuantityAdjusted(3));
      assertThat(adjust.reason()).contains("stock count 2026-11");
      assertThat(adjust.source()).isEqualTo(Source.CSV_IMPORT);
      assertThat(adjust.causation()).contains(report.id().orElseThrow().value());
      assertThat(item("JKT-1").quantity()).isEqualTo(5);
    }

    @Test
    void quantityChange_withoutReason_isRefusedAsReasonRequired() {
      intake(importer, "JKT-1", 2);
      ImportReport report = apply(ImportKind.ITEMS, csv("items.csv", "sku,quantity", "JKT-1,1"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(report.errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.REASON_REQUIRED));
      assertThat(item("JKT-1").quantity()).isEqualTo(2);
    }

    @Test
    void statusMove_followsTheTransitionTable() {
      intake(importer, "JKT-1", 2);
      ImportReport ok = apply(ImportKind.ITEMS, csv("a.csv", "sku,status", "JKT-1,held"));
      assertThat(ok.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(item("JKT-1").status()).isEqualTo(ItemStatus.HELD);

      ImportReport bad = apply(ImportKind.ITEMS, csv("b.csv", "sku,status", "JKT-1,SOLD"));
      assertThat(bad.errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo(ImportErrorCode.ILLEGAL_ITEM_STATUS_TRANSITION);
        assertThat(e.message()).contains("HELD").contains("SOLD");
      });
    }

    @Test
    void changingCurrencyOfAnItem_isRefused() {
      intake(importer, "JKT-1", 2);
      ImportReport report = preview(ImportKind.ITEMS, csv("items.csv", "sku,currency,cost_basis", "JKT-1,EUR,10"));
      assertThat(report.errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void headerNames_ignoreCaseSpacesAndUnderscores_unknownColumnWarns_duplicateHeaderRefuses() {
      ImportReport ok = preview(ImportKind.ITEMS, csv("items.csv",
          "SKU , TITLE,category,Condition,CURRENCY,costbasis,Acquired_On,location,photo status,QTY,Colour",
          JACKET + ",navy"));
      assertThat(ok.errors()).isEmpty();
      assertThat(ok.summary().toCreate()).isEqualTo(1);
      assertThat(ok.warnings()).singleElement().satisfies(w -> {
        assertThat(w.column()).contains("Colour");
        assertThat(w.message()).contains("unknown column");
      });

      ImportReport dup = preview(ImportKind.ITEMS, csv("items.csv", "sku,Cost Basis,cost_basis", "A,1,2"));
      assertThat(dup.outcome()).isEqualTo(ImportOutcome.PREVIEW);
      assertThat(dup.fileErrors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_HEADER);
      });
    }
  }

  @Nested
  class PreviewAndModes {
    @Test
    void preview_changesNothing_andShowsWhatApplyThenDoes() {
      intake(importer, "JKT-1", 2);
      intake(importer, "JKT-2", 1);
      CsvSource file = csv("items.csv", "sku,title,condition,category,currency,cost_basis,acquired_on,location,"
              + "photo_status,quantity",
          "JKT-1,New title,,,,,,,,",
          "JKT-2,,,,,,,,,",
          "NEW-1,Lamp,GOOD,Home > Lighting,USD,5,2026-10-01,SHED,NONE,1",
          "NEW-2,Chair,GOOD,Home,USD,5,2026-10-01,SHED,NONE,-4");
      int events = importer.ledger().events().size();

      ImportReport preview = importer.preview(ImportRequest.of(ImportKind.ITEMS, file).mode(ApplyMode.VALID_ROWS_ONLY));
      assertThat(importer.ledger().events()).hasSize(events);
      assertThat(importer.history().recent(Fixtures.WS, 10)).isEmpty();
      assertThat(preview.summary()).extracting(ImportSummary::rows, ImportSummary::toCreate, ImportSummary::toUpdate,
          ImportSummary::unchanged, ImportSummary::errorRows).containsExactly(4L, 1L, 1L, 1L, 1L);
      assertThat(preview.row(5)).hasValueSatisfying(r -> assertThat(r.errors()).extracting(RowError::column)
          .containsExactly(Optional.of("quantity")));

      ImportReport applied = importer.apply(ImportRequest.of(ImportKind.ITEMS, file).mode(ApplyMode.VALID_ROWS_ONLY));
      assertThat(applied.outcome()).isEqualTo(ImportOutcome.APPLIED_VALID_ROWS);
      assertThat(applied.rows()).extracting(RowResult::action)
          .isEqualTo(preview.rows().stream().map(RowResult::action).toList());
      assertThat(applied.rows()).extracting(RowResult::status).containsExactly(RowStatus.APPLIED, RowStatus.APPLIED,
          RowStatus.APPLIED, RowStatus.NOT_APPLIED);
      assertThat(item("NEW-1").details().title()).isEqualTo("Lamp");
      assertThat(importer.ledger().item(Sku.of("NEW-2"))).isEmpty();
    }

    @Test
    void allOrNothing_oneBadRow_appliesNothing() {
      ImportReport report = apply(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER, JACKET,
          JACKET.replace("JKT-1", "JKT-2").replace("VERY_GOOD", "SHINY")));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(report.rows()).extracting(RowResult::status).containsOnly(RowStatus.NOT_APPLIED);
      assertThat(importer.ledger().items()).isEmpty();
      assertThat(importer.history().find(Fixtures.WS, report.id().orElseThrow()))
          .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(ImportOutcome.REFUSED));
    }

    /** Three listing rows; another writer takes row 3's external id after validation, before apply. */
    private CsvSource racingListings() {
      intake(importer, "JKT-1", 1);
      intake(importer, "JKT-2", 1);
      intake(importer, "JKT-3", 1);
      CsvSource file = csv("listings.csv", "sku,channel,title,price,listed_quantity,external_id",
          "JKT-1,ebay,Jacket,20,1,204512345678",
          "JKT-2,ebay,Jacket,20,1,204512345679",
          "JKT-3,ebay,Jacket,20,1,204512345670");
      betweenValidationAndApply = () -> importer.ledger().execute(new CreateListing(Sku.of("JKT-1"),
          ListingDetails.builder().channel(Channel.EBAY).externalId("204512345679").title("x")
              .price(Money.of("1", "USD")).listedQuantity(1).build(), SyncStatus.DRAFT, Origin.manual("bob")));
      return file;
    }

    private void freeTheTakenExternalId() {
      Listing taken = item("JKT-1").listings().values().stream()
          .filter(l -> l.details().externalId().equals(Optional.of("204512345679"))).findFirst().orElseThrow();
      importer.ledger().execute(new org.resellledger.core.listing.ListingCommand.ChangeListing(taken.id(),
          ListingDetails.builder().from(taken.details()).externalId(Optional.empty()).build(), Origin.manual("bob")));
    }

    @Test
    void allOrNothing_refusalAfterValidation_withinOneUnit_appliesNothing_andNamesTheRow() {
      CsvSource racing = racingListings();

      ImportReport report = importer.apply(ImportRequest.of(ImportKind.LISTINGS, racing));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(report.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.NOT_APPLIED, RowStatus.FAILED, RowStatus.NOT_APPLIED);
      assertThat(report.row(3).orElseThrow().errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_EXTERNAL_ID));
      assertThat(item("JKT-1").listings()).hasSize(1); // only the other writer's
      assertThat(item("JKT-2").listings()).isEmpty();
      assertThat(item("JKT-3").listings()).isEmpty();
    }

    @Test
    void inUnits_refusalAfterValidation_keepsEarlierUnits_stopsAtThatRow_andTheSameFileResumes() {
      CsvSource racing = racingListings();
      CsvImporter rowByRow = importer.withBatchRows(1);

      ImportReport report = rowByRow.apply(ImportRequest.of(ImportKind.LISTINGS, racing)
          .mode(ApplyMode.ALL_VALID_IN_UNITS));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(report.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.APPLIED, RowStatus.FAILED, RowStatus.NOT_APPLIED);
      assertThat(item("JKT-1").listings()).hasSize(2);
      assertThat(item("JKT-2").listings()).isEmpty();

      freeTheTakenExternalId();
      ImportReport resumed = rowByRow.apply(ImportRequest.of(ImportKind.LISTINGS, racing)
          .mode(ApplyMode.ALL_VALID_IN_UNITS));
      assertThat(resumed.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(resumed.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.ALREADY_APPLIED, RowStatus.APPLIED, RowStatus.APPLIED);
      assertThat(item("JKT-1").listings()).hasSize(2);
      assertThat(item("JKT-2").listings()).hasSize(1);
      assertThat(item("JKT-3").listings()).hasSize(1);
    }

    /**
     * The store fails (not a refusal) on the second unit: the first unit stays applied, the failing unit and
     * everything after it are not, the import is FAILED_PART_WAY and recorded; applying the same file again
     * resumes without applying the first unit twice (adjustments are not idempotent, so a double apply shows).
     */
    @Test
    void inUnits_storeFailingPartWay_keepsEarlierUnits_isRecorded_andTheSameFileResumesOnce() {
      int[] okCommits = {Integer.MAX_VALUE};
      LedgerStore failing = failingAfter(okCommits);
      CsvImporter twoPerUnit = CsvImporter.create(failing, Fixtures.WS, Fixtures.config(), new InMemoryImportHistory())
          .withBatchRows(2);
      intake(twoPerUnit, "JKT-1", 10);
      ImportRequest request = ImportRequest.of(ImportKind.ADJUSTMENTS,
          csv("adjust.csv", "sku,delta", "JKT-1,1", "JKT-1,2", "JKT-1,4", "JKT-1,8", "JKT-1,16"))
          .because("recount").mode(ApplyMode.ALL_VALID_IN_UNITS);
      okCommits[0] = 1; // the apply's first unit commits, its second fails

      ImportReport report = twoPerUnit.apply(request);

      assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(report.rows()).extracting(RowResult::status).containsExactly(RowStatus.APPLIED, RowStatus.APPLIED,
          RowStatus.FAILED, RowStatus.NOT_APPLIED, RowStatus.NOT_APPLIED);
      assertThat(report.rows().get(2).errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo(ImportErrorCode.STORE_FAILED);
        assertThat(e.message()).contains("disk full");
      });
      assertThat(twoPerUnit.ledger().item(Sku.of("JKT-1")).get().quantity()).isEqualTo(13);
      assertThat(twoPerUnit.history().find(Fixtures.WS, report.id().get()).map(ImportRecord::outcome))
          .contains(ImportOutcome.FAILED_PART_WAY);

      ImportReport resumed = twoPerUnit.apply(request);
      assertThat(resumed.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(resumed.rows()).extracting(RowResult::status).containsExactly(RowStatus.ALREADY_APPLIED,
          RowStatus.ALREADY_APPLIED, RowStatus.APPLIED, RowStatus.APPLIED, RowStatus.APPLIED);
      assertThat(twoPerUnit.ledger().item(Sku.of("JKT-1")).get().quantity()).isEqualTo(41);
    }

    @Test
    void allOrNothing_skuTakenAfterValidation_isRefusedByTheLedger_andTheUnitAppliesNothing() {
      CsvSource racing = csv("items.csv", ITEM_HEADER, JACKET, JACKET.replace("JKT-1", "JKT-2"),
          JACKET.replace("JKT-1", "JKT-3"));
      // another writer takes the SKU between validation and apply
      betweenValidationAndApply = () -> intake(importer, "JKT-2", 5);

      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, racing));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(report.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.NOT_APPLIED, RowStatus.FAILED, RowStatus.NOT_APPLIED);
      assertThat(report.row(3).orElseThrow().errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_SKU);
        assertThat(e.message()).contains("the ledger refused the row");
      });
      assertThat(importer.ledger().items()).extracting(Item::sku).containsExactly(Sku.of("JKT-2"));
      assertThat(item("JKT-2").quantity()).isEqualTo(5);
    }

    /** Issue #10, item 4: a 2-row file that changes between the validating read and the applying read. */
    @Test
    void aFileChangingWhileItIsApplied_isAppliedAsItWasValidated_readOnce() {
      byte[] validated = "sku,delta\r\nJKT-1,1\r\nJKT-1,2\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] changed = "sku,delta\r\nJKT-1,1\r\nJKT-1,200\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int[] opened = {0};
      CsvSource onDisk = new CsvSource() {
        @Override
        public String name() {
          return "adjust.csv";
        }

        @Override
        public java.io.InputStream open() {
          return new java.io.ByteArrayInputStream(opened[0]++ == 0 ? validated : changed);
        }
      };
      intake(importer, "JKT-1", 10);

      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS, onDisk).because("recount"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(opened[0]).isEqualTo(1);
      assertThat(item("JKT-1").quantity()).isEqualTo(13);
    }

    @Test
    void allOrNothing_isOneTransaction_whateverTheBatchRows() {
      CsvSource racing = racingListings();

      ImportReport report = importer.withBatchRows(1).apply(ImportRequest.of(ImportKind.LISTINGS, racing));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(report.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.NOT_APPLIED, RowStatus.FAILED, RowStatus.NOT_APPLIED);
      assertThat(item("JKT-1").listings()).hasSize(1); // only the other writer's
    }

    @Test
    void allOrNothing_fileLongerThanOneTransaction_isRefusedBeforeAnything_inUnitsItApplies() {
      intake(importer, "JKT-1", 10);
      CsvSource file = csv("adjust.csv", "sku,delta", "JKT-1,1", "JKT-1,2", "JKT-1,4");
      CsvImporter small = importer.withAtomicRows(2);

      ImportReport refused = small.apply(ImportRequest.of(ImportKind.ADJUSTMENTS, file).because("recount"));

      assertThat(refused.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(refused.errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo(ImportErrorCode.FILE_TOO_LONG_FOR_ONE_TRANSACTION);
        assertThat(e.message()).contains("3 rows").contains("at most 2").contains("ALL_VALID_IN_UNITS");
      });
      assertThat(item("JKT-1").quantity()).isEqualTo(10);
      ImportReport inUnits = small.apply(ImportRequest.of(ImportKind.ADJUSTMENTS, file).because("recount")
          .mode(ApplyMode.ALL_VALID_IN_UNITS));
      assertThat(inUnits.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(17);
    }

    /**
     * Units committed by a run whose record never reached the history (the process died after the commit):
     * a store that commits the second unit and then fails as a killed process would, and a history that loses
     * the record. Applying the same file again, once the dead import's claim has expired, applies only the
     * rest: each adjustment once.
     */
    @Test
    void inUnits_unitsOfARunThatDiedBeforeItsRecord_areNotAppliedAgain() {
      int[] commits = {0};
      boolean[] dying = {true};
      LedgerStore dies = new org.resellledger.testkit.contract.ForwardingLedgerStore(store) {
        @Override
        public void commit(org.resellledger.core.store.Commit commit) {
          delegate.commit(commit);
          if (dying[0] && ++commits[0] == 2) {
            throw new IllegalStateException("killed after the commit");
          }
        }
      };
      boolean[] recording = {false};
      ImportHistory history = new ForwardingHistory(new InMemoryImportHistory()) {
        @Override
        public void record(ImportRecord record, List<RowRecord> rows) {
          if (recording[0]) {
            super.record(record, rows);
          }
        }

        @Override
        public void release(org.resellledger.core.WorkspaceId workspace, String content, ImportKind kind,
            ImportId id) {
          if (recording[0]) { // a dead process releases nothing
            super.release(workspace, content, kind, id);
          }
        }
      };
      java.time.Instant[] now = {Fixtures.NOW};
      java.time.Clock clock = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public java.time.Instant instant() {
          return now[0];
        }
      };
      CsvImporter twoPerUnit = CsvImporter.create(dies, Fixtures.WS, Fixtures.config().withClock(clock), history)
          .withBatchRows(2);
      intake(importer, "JKT-1", 10);
      ImportRequest request = ImportRequest.of(ImportKind.ADJUSTMENTS,
          csv("adjust.csv", "sku,delta", "JKT-1,1", "JKT-1,2", "JKT-1,4", "JKT-1,8", "JKT-1,16"))
          .because("recount").mode(ApplyMode.ALL_VALID_IN_UNITS);

      twoPerUnit.apply(request); // "dies" after its second unit committed; nothing recorded
      assertThat(item("JKT-1").quantity()).isEqualTo(10 + 1 + 2 + 4 + 8);
      dying[0] = false;
      recording[0] = true;
      ImportReport soon = twoPerUnit.apply(request);
      assertThat(soon.outcome()).as("the dead import's claim holds until its lease runs out")
          .isEqualTo(ImportOutcome.REFUSED);
      assertThat(soon.errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.IMPORT_IN_PROGRESS));
      now[0] = now[0].plus(CsvImporter.DEFAULT_CLAIM_LEASE).plusSeconds(1);

      ImportReport resumed = twoPerUnit.apply(request);

      assertThat(resumed.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(resumed.rows()).extracting(RowResult::status).containsExactly(RowStatus.ALREADY_APPLIED,
          RowStatus.ALREADY_APPLIED, RowStatus.ALREADY_APPLIED, RowStatus.ALREADY_APPLIED, RowStatus.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(10 + 31);
      assertThat(importer.ledger().replayMatchesProjections()).isTrue();
    }

    /**
     * A unit the ledger refused after validation runs again row by row; the process dies right after the first
     * row's commit. Applying the file again goes row by row as well and skips that row: each adjustment once.
     */
    @Test
    void validRowsOnly_aUnitThatRanRowByRow_resumesRowByRow_eachRowOnce() {
      intake(importer, "JKT-1", 10);
      intake(importer, "JKT-2", 5);
      int[] commits = {0};
      LedgerStore dies = new org.resellledger.testkit.contract.ForwardingLedgerStore(store) {
        @Override
        public void commit(org.resellledger.core.store.Commit commit) {
          delegate.commit(commit);
          if (++commits[0] == 2) { // the mark that the unit runs row by row, then row 1
            throw new IllegalStateException("killed after row 1's commit");
          }
        }
      };
      boolean[] raced = {false};
      CsvImporter dying = CsvImporter.create(dies, Fixtures.WS, Fixtures.config(),
          new ForwardingHistory(new InMemoryImportHistory()) {
            @Override
            public Optional<ImportId> claim(org.resellledger.core.WorkspaceId workspace, String content,
                ImportKind kind, ImportId id, java.time.Instant at, java.time.Duration lease) {
              if (!raced[0]) { // another writer takes a unit of JKT-2 after validation: row 2 is refused
                raced[0] = true;
                importer.ledger().execute(new org.resellledger.core.item.ItemCommand.AdjustQuantity(Sku.of("JKT-2"),
                    -1, Origin.manual("bob").because("damaged")));
              }
              return super.claim(workspace, content, kind, id, at, lease);
            }
          });
      ImportRequest request = ImportRequest.of(ImportKind.ADJUSTMENTS,
          csv("adjust.csv", "sku,delta", "JKT-1,1", "JKT-2,-5", "JKT-1,2")).because("recount")
          .mode(ApplyMode.VALID_ROWS_ONLY);

      ImportReport first = dying.apply(request);
      assertThat(first.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);
      assertThat(item("JKT-1").quantity()).isEqualTo(11);
      commits[0] = 100; // lives from now on

      ImportReport again = dying.apply(request);

      assertThat(again.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.ALREADY_APPLIED, RowStatus.NOT_APPLIED, RowStatus.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(13);
      assertThat(item("JKT-2").quantity()).isEqualTo(4);
    }

    @Test
    void validRowsOnly_refusalAfterValidation_leavesOutOnlyThatRow() {
      CsvSource racing = racingListings();

      ImportReport report = importer.apply(ImportRequest.of(ImportKind.LISTINGS, racing)
          .mode(ApplyMode.VALID_ROWS_ONLY));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED_VALID_ROWS);
      assertThat(report.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.APPLIED, RowStatus.FAILED, RowStatus.APPLIED);
      assertThat(item("JKT-3").listings()).hasSize(1);
    }
  }

  /**
   * Values core refuses at the door (issue #10, items 1-2): each is a cell error on its row and column with
   * core's reason, nothing of that row is written, and the file's good rows follow the import mode; what is
   * stored afterwards still reads back (items, events, replay, export).
   */
  @Nested
  class ValuesRefusedAtTheDoor {
    /** Rows 2 and 4 are good items; row 3 is {@code JKT-2} with one cell replaced. */
    CsvSource fileWith(String column, String cell) {
      int index = List.of(ITEM_HEADER.split(",")).indexOf(column);
      String[] cells = JACKET.replace("JKT-1", "JKT-2").split(",");
      cells[index] = cell;
      return Fixtures.bytes("bounds.csv", (ITEM_HEADER + "\r\n" + JACKET + "\r\n" + String.join(",", cells) + "\r\n"
          + JACKET.replace("JKT-1", "JKT-3") + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Previews, then applies in both modes; returns row 3's single error. */
    RowError refusedOnRow3(CsvSource file, String column, ImportErrorCode code) {
      ImportReport preview = importer.preview(ImportRequest.of(ImportKind.ITEMS, file));
      assertThat(preview.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.column()).contains(column);
        assertThat(e.code()).isEqualTo(code);
      });
      assertThat(preview.fileErrors()).isEmpty();

      ImportReport all = importer.apply(ImportRequest.of(ImportKind.ITEMS, file));
      assertThat(all.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(all.rows()).extracting(RowResult::status).containsOnly(RowStatus.NOT_APPLIED);
      assertThat(importer.ledger().items()).isEmpty();
      assertThat(importer.ledger().events()).isEmpty();

      ImportReport valid = importer.apply(ImportRequest.of(ImportKind.ITEMS, file).mode(ApplyMode.VALID_ROWS_ONLY));
      assertThat(valid.outcome()).isEqualTo(ImportOutcome.APPLIED_VALID_ROWS);
      assertThat(valid.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.APPLIED, RowStatus.NOT_APPLIED, RowStatus.APPLIED);
      assertThat(importer.ledger().items()).extracting(Item::sku).containsExactly(Sku.of("JKT-1"), Sku.of("JKT-3"));
      assertThat(importer.ledger().replayMatchesProjections()).isTrue();
      assertThat(Fixtures.exportItems(importer)).contains("JKT-1", "JKT-3").doesNotContain("JKT-2");
      return preview.errors().get(0);
    }

    @Test
    void costBasisOf2000Nines_isRefusedOnItsCell_beforeAnythingIsStored() {
      RowError e = refusedOnRow3(fileWith("cost_basis", "9".repeat(2000)), "cost_basis", ImportErrorCode.INVALID_VALUE);

      assertThat(e.message()).contains("no exponent").contains("characters");
      assertThat(e.value()).hasValueSatisfying(v -> assertThat(v).startsWith("9999").hasSizeLessThan(40));
    }

    @Test
    void costBasisWithMoreDigitsBeforeThePointThanCoreAllows_isRefusedOnItsCell() {
      String digits = "9".repeat(Money.MAX_INTEGER_DIGITS + 1);
      RowError e = refusedOnRow3(fileWith("cost_basis", digits + ".00"), "cost_basis", ImportErrorCode.INVALID_VALUE);

      assertThat(e.message()).contains("at most " + Money.MAX_INTEGER_DIGITS + " digits before the decimal point");
    }

    @Test
    void costBasisWithAnExponent_isRefusedOnItsCell_withoutExpandingIt() {
      RowError e = refusedOnRow3(fileWith("cost_basis", "1e999999999"), "cost_basis", ImportErrorCode.INVALID_VALUE);

      assertThat(e.message()).contains("exponents");
      assertThat(e.value()).contains("1e999999999");
    }

    @Test
    void titleWithANul_isRefusedOnItsCell_namingThePosition() {
      RowError e = refusedOnRow3(fileWith("title", "Lev\u0000i's jacket"), "title", ImportErrorCode.INVALID_VALUE);

      assertThat(e.message()).contains("no control character").contains("U+0000").contains("position 4");
    }

    /**
     * A lone surrogate cannot be written in UTF-8: its would-be bytes (here ED A0 80, U+D800 as CESU-8 writes
     * it) are not UTF-8, so the strict decoder refuses the file, naming the row, the column and the bytes.
     * Like every file-level error that refuses the whole file in every mode. A surrogate pair (an emoji) is a
     * whole character and is kept.
     */
    @Test
    void titleWithALoneSurrogate_cannotBeInAUtf8File_theFileIsRefusedNamingTheCell() {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes((ITEM_HEADER + "\r\n" + JACKET + "\r\nJKT-2,Lamp ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
      out.writeBytes((",Home,GOOD,USD,5,2026-01-01,SHED,NONE,1\r\n" + JACKET.replace("JKT-1", "JKT-3") + "\r\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      CsvSource file = Fixtures.bytes("surrogate.csv", out.toByteArray());

      for (ApplyMode mode : ApplyMode.values()) {
        ImportReport report = importer.apply(ImportRequest.of(ImportKind.ITEMS, file).mode(mode));
        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.fileErrors()).singleElement().satisfies(e -> {
          assertThat(e.code()).isEqualTo(ImportErrorCode.INVALID_ENCODING);
          assertThat(e.row()).isEqualTo(3);
          assertThat(e.column()).contains("title");
          assertThat(e.message()).contains("0xED");
        });
        assertThat(importer.ledger().items()).isEmpty();
      }

      ImportReport emoji = apply(ImportKind.ITEMS, fileWith("title", "Lamp \uD83D\uDCA1"));
      assertThat(emoji.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(item("JKT-2").details().title()).isEqualTo("Lamp \uD83D\uDCA1");
    }
  }

  @Nested
  class Listings {
    @BeforeEach
    void items() {
      intake(importer, "JKT-1", 2);
      intake(importer, "JKT-2", 1);
    }

    @Test
    void createsThenUpdatesTheListingOfSkuOnChannel() {
      ImportReport created = apply(ImportKind.LISTINGS, csv("l1.csv",
          "sku,channel,external_id,url,price,title,shipping_profile,listed_quantity,sync_status",
          "JKT-1,ebay,204512345678,https://www.ebay.com/itm/204512345678,60.00,Levi's jacket,USPS ground,2,LIVE"));
      assertThat(created.outcome()).isEqualTo(ImportOutcome.APPLIED);
      Listing listing = item("JKT-1").listings().values().iterator().next();
      assertThat(listing.status()).isEqualTo(SyncStatus.LIVE);
      assertThat(listing.details().price()).isEqualTo(Money.of("60", "USD"));
      assertThat(listing.details().shippingProfile()).contains("USPS ground");

      ImportReport updated = apply(ImportKind.LISTINGS, csv("l2.csv", "sku,channel,price,sync_status",
          "JKT-1,ebay,55,PAUSED"));
      assertThat(updated.rows().get(0).changes()).extracting(FieldDiff::column).containsExactly("price",
          "sync_status");
      Listing after = item("JKT-1").listing(listing.id()).orElseThrow();
      assertThat(after.details().price()).isEqualTo(Money.of("55", "USD"));
      assertThat(after.status()).isEqualTo(SyncStatus.PAUSED);
      assertThat(item("JKT-1").listings()).hasSize(1);
    }

    @Test
    void rowWithExternalIdOfListing_updatesThatListing() {
      apply(ImportKind.LISTINGS, csv("l1.csv", "sku,channel,external_id,price,title,listed_quantity",
          "JKT-1,ebay,204512345678,60,A,1", "JKT-1,etsy,1234567890,60,B,1"));
      ImportReport report = preview(ImportKind.LISTINGS, csv("l2.csv", "sku,channel,external_id,title",
          "JKT-1,ebay,204512345678,A2"));
      assertThat(report.rows().get(0).action()).isEqualTo(RowAction.UPDATE);
      assertThat(report.rows().get(0).changes()).extracting(FieldDiff::column).containsExactly("title");
    }

    @Test
    void everyProblemOfAListingRow_isReportedInOnePreview() {
      apply(ImportKind.LISTINGS, csv("l1.csv", "sku,channel,price,title,listed_quantity", "JKT-1,ebay,60,A,1"));
      ImportReport report = preview(ImportKind.LISTINGS, csv("l2.csv",
          "sku,channel,price,title,listed_quantity,sync_status",
          "JKT-2,etsy,60.001,,-1,LIVEE",
          "JKT-1,ebay,1.234,,x,"));

      assertThat(report.errors()).extracting(RowError::row, e -> e.column().orElse(""), RowError::code)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(2L, "listed_quantity", ImportErrorCode.NEGATIVE_QUANTITY),
              org.assertj.core.groups.Tuple.tuple(2L, "sync_status", ImportErrorCode.UNKNOWN_VALUE),
              org.assertj.core.groups.Tuple.tuple(2L, "title", ImportErrorCode.REQUIRED),
              org.assertj.core.groups.Tuple.tuple(2L, "price", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "listed_quantity", ImportErrorCode.INVALID_VALUE),
              org.assertj.core.groups.Tuple.tuple(3L, "price", ImportErrorCode.INVALID_VALUE));
      assertThat(report.errors()).filteredOn(e -> e.column().equals(Optional.of("price")))
          .allSatisfy(e -> assertThat(e.message()).contains("USD takes at most 2 decimal places"));
    }

    @Test
    void externalIdFormat_isCheckedPerChannel() {
      ImportReport report = preview(ImportKind.LISTINGS, csv("l.csv", "sku,channel,external_id,price,title,listed_quantity",
          "JKT-1,ebay,12345,60,A,1",
          "JKT-2,mercari,m123,60,A,1",
          "JKT-1,vinted,has space,60,A,1",
          "JKT-2,vinted,VT-2231,60,A,1"));
      assertThat(report.errors()).extracting(RowError::row, RowError::code).containsExactly(
          org.assertj.core.groups.Tuple.tuple(2L, ImportErrorCode.EXTERNAL_ID_FORMAT),
          org.assertj.core.groups.Tuple.tuple(3L, ImportErrorCode.EXTERNAL_ID_FORMAT),
          org.assertj.core.groups.Tuple.tuple(4L, ImportErrorCode.EXTERNAL_ID_FORMAT));
      assertThat(report.errors().get(0).message()).contains("12 digits");
    }

    @Test
    void sameExternalIdOnTwoItems_isRefused_inFileAndAgainstTheLedger() {
      ImportReport inFile = preview(ImportKind.LISTINGS, csv("l.csv", "sku,channel,external_id,price,title,listed_quantity",
          "JKT-1,ebay,204512345678,60,A,1", "JKT-2,ebay,204512345678,60,A,1"));
      assertThat(inFile.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_EXTERNAL_ID);
      });

      apply(ImportKind.LISTINGS, csv("l1.csv", "sku,channel,external_id,price,title,listed_quantity",
          "JKT-1,ebay,204512345678,60,A,1"));
      ImportReport stored = preview(ImportKind.LISTINGS, csv("l2.csv", "sku,channel,external_id,price,title,listed_quantity",
          "JKT-2,ebay,204512345678,60,A,1"));
      assertThat(stored.errors()).singleElement().satisfies(e -> {
        assertThat(e.code()).isEqualTo(ImportErrorCode.DUPLICATE_EXTERNAL_ID);
        assertThat(e.message()).contains("SKU JKT-1");
      });
    }

    /** Rules the lane never restated: the ledger's own refusals, placed on the row and column by position. */
    @Test
    void goingLiveWithoutCompletePhotos_andListingAnArchivedItem_areRefusedByTheLedgerInPreview() {
      importer.ledger().execute(new org.resellledger.core.item.ItemCommand.IntakeItem(
          org.resellledger.core.item.ItemDetails.builder().sku(Sku.of("LAMP-1")).title("Brass lamp")
              .category(org.resellledger.core.item.Category.parse("Home > Lighting"))
              .condition(org.resellledger.core.item.Condition.GOOD).costBasis(Money.of("150.00", "USD"))
              .acquiredOn(java.time.LocalDate.of(2026, 11, 1))
              .location(org.resellledger.core.item.StorageLocation.parse("SHED"))
              .photoStatus(org.resellledger.core.item.PhotoStatus.NONE).build(),
          1, ItemStatus.NEEDS_PHOTOS, Origin.manual("ana")));
      importer.ledger().execute(new org.resellledger.core.item.ItemCommand.IntakeItem(Fixtures.details("OLD-1"), 0,
          ItemStatus.READY_TO_LIST, Origin.manual("ana")));
      importer.ledger().execute(new org.resellledger.core.item.ItemCommand.ArchiveItem(Sku.of("OLD-1"),
          Origin.manual("ana")));

      ImportReport report = preview(ImportKind.LISTINGS, csv("l.csv",
          "sku,channel,title,price,listed_quantity,sync_status",
          "JKT-1,ebay,Jacket,60,1,LIVE",
          "LAMP-1,ebay,Lamp,160,1,LIVE",
          "OLD-1,ebay,Jacket,20,1,DRAFT"));

      assertThat(report.errors()).extracting(RowError::row, e -> e.column().orElse(""), RowError::code)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(3L, "sync_status", ImportErrorCode.PHOTOS_REQUIRED),
              org.assertj.core.groups.Tuple.tuple(4L, "sku", ImportErrorCode.ITEM_ARCHIVED));
      assertThat(report.errors().get(0).message()).contains("COMPLETE photos");
      assertThat(report.errors()).extracting(RowError::message)
          .as("the row and column say where; the ledger's position in its batch means nothing to the user")
          .noneMatch(m -> m.matches("(?s).*command \\d+ of \\d+.*"));
      assertThat(report.rows()).extracting(RowResult::action)
          .containsExactly(RowAction.CREATE, RowAction.ERROR, RowAction.ERROR);
    }

    @Test
    void listingIdOnAnotherChannel_isRefusedByTheLedger_aListingStaysOnItsChannel() {
      apply(ImportKind.LISTINGS, csv("l1.csv", "sku,channel,price,title,listed_quantity", "JKT-1,ebay,60,A,1"));
      Listing listing = item("JKT-1").listings().values().iterator().next();

      ImportReport report = preview(ImportKind.LISTINGS, csv("l2.csv", "listing_id,sku,channel,title",
          listing.id().value() + ",JKT-1,etsy,B"));

      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).contains("channel");
        assertThat(e.code()).isEqualTo(ImportErrorCode.INVALID_VALUE);
        assertThat(e.message()).contains("a listing stays on its channel ebay");
      });
      assertThat(item("JKT-1").listing(listing.id()).orElseThrow().details().title()).isEqualTo("A");
    }

    @Test
    void unknownSku_isRowError() {
      ImportReport report = preview(ImportKind.LISTINGS, csv("l.csv", "sku,channel,price,title,listed_quantity",
          "NOPE-1,ebay,1,A,1"));
      assertThat(report.errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.UNKNOWN_ITEM));
    }
  }

  @Nested
  class Adjustments {
    @Test
    void signedDeltas_withReasons_becomeAdjustments() {
      intake(importer, "JKT-1", 2);
      ImportReport report = apply(ImportKind.ADJUSTMENTS, csv("adj.csv", "sku,delta,reason",
          "JKT-1,-2,found damaged in count", "JKT-1,+3,found in the attic"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(3);
      List<HistoryEntry> h = importer.ledger().history(Sku.of("JKT-1"));
      assertThat(h.stream().map(HistoryEntry::event).filter(e -> e.payload() instanceof ItemFact.QuantityAdjusted)
          .map(e -> e.reason().orElseThrow())).containsExactly("found damaged in count", "found in the attic");
    }

    @Test
    void runningTotal_cannotTakeAwayUnitsThatAreNotAvailable() {
      intake(importer, "JKT-1", 2);
      ImportReport report = importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS,
          csv("adj.csv", "sku,delta", "JKT-1,-1", "JKT-1,-2")).because("count"));

      assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.code()).isEqualTo(ImportErrorCode.INSUFFICIENT_UNITS);
      });
      assertThat(item("JKT-1").quantity()).isEqualTo(2);
    }

    /** Validation reads the file in chunks of 1,000 rows; the running total goes on across them. */
    @Test
    void runningTotal_goesOnAcrossChunksOfTheFile() {
      intake(importer, "JKT-1", 1);
      intake(importer, "JKT-2", 0);
      List<String> lines = new java.util.ArrayList<>(List.of("sku,delta", "JKT-1,-1"));
      for (int i = 0; i < 999; i++) {
        lines.add("JKT-2,+1");
      }
      lines.add("JKT-1,-1"); // row 1002, in the second chunk: the first took JKT-1's only unit
      ImportReport report = importer.preview(ImportRequest.of(ImportKind.ADJUSTMENTS,
          csv("adj.csv", lines.toArray(String[]::new))).because("count"));

      assertThat(report.errors()).singleElement().satisfies(e -> {
        assertThat(e.row()).isEqualTo(1002);
        assertThat(e.column()).contains("delta");
        assertThat(e.code()).isEqualTo(ImportErrorCode.INSUFFICIENT_UNITS);
      });
      assertThat(report.row(1001).orElseThrow().changes())
          .containsExactly(new FieldDiff("quantity", Optional.of("998"), Optional.of("999")));
    }

    @Test
    void rowWithoutReason_andImportWithoutReason_isReasonRequired() {
      intake(importer, "JKT-1", 2);
      ImportReport report = preview(ImportKind.ADJUSTMENTS, csv("adj.csv", "sku,delta,reason", "JKT-1,1,"));
      assertThat(report.errors()).singleElement()
          .satisfies(e -> assertThat(e.code()).isEqualTo(ImportErrorCode.REASON_REQUIRED));
    }

    @Test
    void unknownSku_isReportedWithTheRowsCellErrors() {
      ImportReport report = preview(ImportKind.ADJUSTMENTS, csv("adj.csv", "sku,delta", "NOPE-1,two"));
      assertThat(report.errors()).extracting(e -> e.column().orElse(""), RowError::code).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple("delta", ImportErrorCode.INVALID_VALUE),
          org.assertj.core.groups.Tuple.tuple("reason", ImportErrorCode.REASON_REQUIRED),
          org.assertj.core.groups.Tuple.tuple("sku", ImportErrorCode.UNKNOWN_ITEM));
    }
  }

  @Nested
  class History {
    @Test
    void sameFileTwice_secondTimeChangesNothing_andSaysSo() {
      CsvSource file = csv("items.csv", ITEM_HEADER, JACKET);
      ImportReport first = apply(ImportKind.ITEMS, file);
      int events = importer.ledger().events().size();

      ImportReport second = apply(ImportKind.ITEMS, file);

      assertThat(second.outcome()).isEqualTo(ImportOutcome.ALREADY_APPLIED);
      assertThat(second.earlierImport()).isEqualTo(first.id());
      assertThat(importer.ledger().events()).hasSize(events);
      assertThat(second.render()).contains("first applied by " + first.id().orElseThrow());
      ImportReport preview = preview(ImportKind.ITEMS, file);
      assertThat(preview.earlierImport()).isEqualTo(first.id());
      assertThat(preview.warnings()).anySatisfy(w -> assertThat(w.message()).contains("already applied"));
    }

    /** Issue #10, item 4: the same adjustments re-saved with only a trailing blank line (or other line ends). */
    @Test
    void theSameRowsResaved_withATrailingBlankLineOrOtherLineEnds_areAlreadyApplied_neverAppliedTwice() {
      intake(importer, "JKT-1", 10);
      ImportReport first = importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS,
          text("adjust.csv", "sku,delta\r\nJKT-1,3\r\n")).because("recount"));
      assertThat(item("JKT-1").quantity()).isEqualTo(13);

      for (String resaved : List.of("sku,delta\r\nJKT-1,3\r\n\r\n", "sku,delta\nJKT-1,3\n", "sku,delta\nJKT-1,3",
          "\uFEFFsku,\"delta\"\r\n\"JKT-1\",3\r\n,\r\n")) {
        ImportReport again = importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS, text("adjust.csv", resaved))
            .because("recount"));
        assertThat(again.outcome()).as(resaved).isEqualTo(ImportOutcome.ALREADY_APPLIED);
        assertThat(again.earlierImport()).isEqualTo(first.id());
      }
      assertThat(item("JKT-1").quantity()).isEqualTo(13);
      assertThat(importer.apply(ImportRequest.of(ImportKind.ADJUSTMENTS, text("adjust.csv", "sku,delta\nJKT-1,4\n"))
          .because("recount")).outcome()).as("other rows are another file").isEqualTo(ImportOutcome.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(17);
    }

    @Test
    void aFileFailedPartWay_resumesFromTheSameRowsResavedWithBlankLinesBetweenThem() {
      int[] okCommits = {Integer.MAX_VALUE};
      LedgerStore failing = failingAfter(okCommits);
      CsvImporter onePerUnit = CsvImporter.create(failing, Fixtures.WS, Fixtures.config(), new InMemoryImportHistory())
          .withBatchRows(1);
      intake(onePerUnit, "JKT-1", 10);
      okCommits[0] = 1;
      ImportReport failed = onePerUnit.apply(ImportRequest.of(ImportKind.ADJUSTMENTS,
          text("adjust.csv", "sku,delta\nJKT-1,1\nJKT-1,2\n")).because("recount").mode(ApplyMode.ALL_VALID_IN_UNITS));
      assertThat(failed.outcome()).isEqualTo(ImportOutcome.FAILED_PART_WAY);

      ImportReport resumed = onePerUnit.withBatchRows(1).apply(ImportRequest.of(ImportKind.ADJUSTMENTS,
          text("adjust.csv", "sku,delta\n\nJKT-1,1\n\nJKT-1,2\n")).because("recount")
          .mode(ApplyMode.ALL_VALID_IN_UNITS));

      assertThat(resumed.rows()).extracting(RowResult::status)
          .containsExactly(RowStatus.ALREADY_APPLIED, RowStatus.APPLIED);
      assertThat(item("JKT-1").quantity()).isEqualTo(13);
    }

    @Test
    void everyApply_isRecorded_andQueryableByIdRecentAndSku() {
      ImportReport a = apply(ImportKind.ITEMS, csv("a.csv", ITEM_HEADER, JACKET));
      ImportReport b = apply(ImportKind.ITEMS, csv("b.csv", "sku,brand", "JKT-1,Levi's"));
      ImportHistory history = importer.history();

      ImportRecord record = history.find(Fixtures.WS, b.id().orElseThrow()).orElseThrow();
      assertThat(record.fileName()).isEqualTo("b.csv");
      assertThat(record.sha256()).isEqualTo(b.sha256()).hasSize(64);
      assertThat(record.kind()).isEqualTo(ImportKind.ITEMS);
      assertThat(record.mode()).isEqualTo(ApplyMode.ALL_OR_NOTHING);
      assertThat(record.summary().toUpdate()).isEqualTo(1);
      assertThat(history.rows(Fixtures.WS, b.id().get())).singleElement().satisfies(r -> {
        assertThat(r.row()).isEqualTo(2);
        assertThat(r.sku()).contains("JKT-1");
        assertThat(r.status()).isEqualTo(RowStatus.APPLIED);
      });
      assertThat(history.bySku(Fixtures.WS, Sku.of("JKT-1"))).extracting(ImportRecord::id)
          .containsExactlyInAnyOrder(a.id().get(), b.id().get());

      // from the item's history back to the import that changed it
      List<HistoryEntry> h = importer.ledger().history(Sku.of("JKT-1"));
      assertThat(importer.importOf(h.get(h.size() - 1).event()).map(ImportRecord::fileName)).contains("b.csv");
    }
  }

  /** Backups of a workspace ({@link BackupContract}) on the store under test. */
  @Nested
  class Backups extends BackupContract {
    @Override
    protected LedgerStore store() {
      return store;
    }
  }

  @Nested
  class Export {
    @Test
    void itemsAndListings_exportedAndReimported_previewZeroChanges() {
      apply(ImportKind.ITEMS, csv("items.csv",
          "sku,title,category,condition,currency,cost_basis,acquired_on,location,photo_status,quantity,brand,"
              + "defects,specifics,notes,acquisition_source,acquisition_source_name",
          "A-1,\"=HYPERLINK(\"\"http://x\"\")\",Toys > Lego \\> Duplo,GOOD,USD,5,2026-01-01,SHED/S1,COMPLETE,1,"
              + "@brand,DENT:MINOR:top\\; left,size=M; k\\=v=x,\"-note, with comma\nand \"\"quotes\"\"\",THRIFT,+shop",
          "B-1,'[clear],Home,GOOD,EUR,7,2026-01-02,SHED,NONE,0,,,,,,"));
      apply(ImportKind.LISTINGS, csv("listings.csv", "sku,channel,price,title,listed_quantity,description",
          "A-1,ebay,9.99,-50% Lego,1,\"line1\r\nline2\""));

      String items = Fixtures.exportItems(importer);
      String listings = Fixtures.exportListings(importer);
      assertThat(items).contains("'=HYPERLINK").contains("'@brand").contains("'-note");

      ImportReport itemsAgain = preview(ImportKind.ITEMS, Fixtures.text("items-export.csv", items));
      ImportReport listingsAgain = preview(ImportKind.LISTINGS, Fixtures.text("listings-export.csv", listings));
      assertThat(itemsAgain.errors()).isEmpty();
      assertThat(itemsAgain.summary().changes()).isZero();
      assertThat(itemsAgain.summary().unchanged()).isEqualTo(2);
      assertThat(listingsAgain.errors()).isEmpty();
      assertThat(listingsAgain.summary().changes()).isZero();
      assertThat(item("A-1").details().title()).isEqualTo("=HYPERLINK(\"http://x\")");
      assertThat(item("B-1").details().title()).isEqualTo("[clear]");
    }

    @Test
    void ordersAndEvents_haveStableHeaders() {
      apply(ImportKind.ITEMS, csv("items.csv", ITEM_HEADER, JACKET));
      java.io.StringWriter events = new java.io.StringWriter();
      long n = CsvExporter.of(importer.ledger()).events(events, java.time.LocalDate.of(2026, 11, 20),
          java.time.LocalDate.of(2026, 11, 20));
      assertThat(n).isEqualTo(importer.ledger().events().size());
      assertThat(events.toString()).startsWith(String.join(",", CsvExporter.EVENT_HEADERS) + "\r\n");
      java.io.StringWriter none = new java.io.StringWriter();
      assertThat(CsvExporter.of(importer.ledger()).events(none, java.time.LocalDate.of(2026, 11, 21),
          java.time.LocalDate.of(2026, 11, 22))).isZero();
      java.io.StringWriter orders = new java.io.StringWriter();
      CsvExporter.of(importer.ledger()).orders(orders);
      assertThat(orders.toString()).isEqualTo(String.join(",", CsvExporter.ORDER_HEADERS) + "\r\n");
    }
  }
}
