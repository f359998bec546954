package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resellledger.core.Ledger;
import org.resellledger.core.WorkspaceId;
import org.resellledger.core.count.CountBook;
import org.resellledger.core.count.CountCommand.CloseCount;
import org.resellledger.core.count.CountCommand.OpenCount;
import org.resellledger.core.count.CountLine;
import org.resellledger.core.count.CountSessionId;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import org.resellledger.core.ledger.Origin;
import org.resellledger.core.store.InMemoryLedgerStore;
import org.resellledger.testkit.gen.Samples;

/** A count sheet: its rows become a session's counted lines, or every problem is named by row and column. */
class CountSheetTest {
  static final Origin ANA = Origin.manual("ana");
  final InMemoryLedgerStore store = new InMemoryLedgerStore();
  final Ledger ledger = Ledger.open(store, WorkspaceId.of("ws"), Samples.config("cs-"));
  final CountBook counts = CountBook.of(ledger, store);
  final CountSessionId session;

  CountSheetTest() {
    for (String sku : List.of("A-1", "B-1")) {
      ledger.execute(new IntakeItem(Samples.details(sku).withStorage(StorageLocation.parse("GARAGE/S1")), 2,
          ItemStatus.READY_TO_LIST, ANA));
    }
    session = CountSessionId.of(ledger.execute(new OpenCount(StorageLocation.of("GARAGE"), ANA)).events().get(0)
        .stream().id());
  }

  private CountSheet.Applied apply(String csv) {
    return CountSheet.apply(new StringReader(csv), ledger, counts, session, ANA);
  }

  private static String where(RowError e) {
    return e.row() + ":" + e.column().orElse("-") + ":" + e.code();
  }

  @Test
  void aGoodSheet_recordsEveryRowIntoTheSession() {
    CountSheet.Applied applied = apply("\uFEFFSKU,Qty,Location\nA-1,3,GARAGE/S1\nB-1,0,\nNEW-9,1,GARAGE\n");

    assertThat(applied.errors()).isEmpty();
    assertThat(applied.recorded()).isEqualTo(3);
    assertThat(counts.require(session).lines()).extracting(CountLine::sku, CountLine::counted)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Sku.of("A-1"), 3),
            org.assertj.core.groups.Tuple.tuple(Sku.of("B-1"), 0),
            org.assertj.core.groups.Tuple.tuple(Sku.of("NEW-9"), 1));
    assertThat(counts.require(session).line(Sku.of("A-1")).orElseThrow().expected()).contains(2L);
  }

  @Test
  void rowErrors_areTypedByRowAndColumn_andNothingIsRecorded() {
    CountSheet.Applied applied = apply(String.join("\n",
        "sku,counted,location",
        ",1,GARAGE",
        "A-1,three,GARAGE",
        "B-1,-2,GARAGE",
        "A-1,1,GARAGE",
        "C-1,1,SHED",
        "bad sku!,1,GARAGE",
        "D-1,1,GARAGE//B1",
        "E-1,1"));

    assertThat(applied.recorded()).isZero();
    assertThat(applied.errors()).extracting(CountSheetTest::where).containsExactly(
        "2:sku:REQUIRED",
        "3:counted:INVALID_VALUE",
        "4:counted:NEGATIVE_QUANTITY",
        "5:sku:DUPLICATE_IN_FILE",
        "6:location:LOCATION_MISMATCH",
        "7:sku:INVALID_VALUE",
        "8:location:INVALID_VALUE",
        "9:-:COLUMN_COUNT_MISMATCH");
    assertThat(applied.errors().get(1).value()).contains("three");
    assertThat(counts.require(session).lines()).isEmpty();
  }

  @Test
  void aSkuOnTwoRows_isADuplicate_namingTheFirstRow() {
    CountSheet.Applied applied = apply("sku,counted\nA-1,1\nB-1,1\nA-1,2\n");

    assertThat(applied.errors()).extracting(CountSheetTest::where).containsExactly("4:sku:DUPLICATE_IN_FILE");
    assertThat(applied.errors().get(0).message()).contains("row 2");
    assertThat(counts.require(session).lines()).isEmpty();
  }

  @Test
  void aMissingColumn_orAnEmptySheet_isAFileError() {
    assertThat(apply("sku,location\nA-1,GARAGE\n").errors()).extracting(CountSheetTest::where)
        .containsExactly("1:counted:MISSING_COLUMN");
    assertThat(apply("").errors()).extracting(CountSheetTest::where).containsExactly("1:-:EMPTY_FILE");
    assertThat(apply("sku,counted\n").errors()).extracting(CountSheetTest::where).containsExactly("1:-:NO_DATA_ROWS");
  }

  @Test
  void theLedgersRefusal_isNamedByRow_aClosedSession() {
    ledger.execute(new CloseCount(session, ANA));

    CountSheet.Applied applied = apply("sku,counted\nA-1,1\nB-1,2\n");

    assertThat(applied.errors()).extracting(CountSheetTest::where)
        .containsExactly("2:session:COUNT_CLOSED", "3:session:COUNT_CLOSED");
    assertThat(Optional.of(applied.recorded())).contains(0);
  }
}
