package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resellledger.core.item.Sku;
import org.resellledger.core.store.InMemoryLedgerStore;

/** Files built to break a parser: each is refused whole with its row and column, or read exactly right. */
class HostileInputTest {
  static final String HEADER = "sku,title,category,condition,currency,cost_basis,acquired_on,location,photo_status,"
      + "quantity";
  static final String ROW = "A-1,Lamp,Home,GOOD,USD,5,2026-01-01,SHED,NONE,1";

  CsvImporter importer;

  @BeforeEach
  void open() {
    importer = Fixtures.importer(new InMemoryLedgerStore());
  }

  ImportReport apply(byte[] bytes) {
    return importer.apply(ImportRequest.of(ImportKind.ITEMS, CsvSource.of("hostile.csv", bytes)));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertRefused(ImportReport report, ImportErrorCode code, long row, String column) {
    assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
    assertThat(report.fileErrors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.row()).isEqualTo(row);
      if (column != null) {
        assertThat(e.column()).contains(column);
      }
    });
    assertThat(importer.ledger().items()).isEmpty();
    assertThat(importer.history().recent(Fixtures.WS, 1)).singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(ImportOutcome.REFUSED));
  }

  @Test
  void byteOrderMark_isAccepted() {
    byte[] body = utf8(HEADER + "\n" + ROW + "\n");
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ImportReport report = apply(withBom);

    assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(report.warnings()).isEmpty();
    assertThat(importer.ledger().item(Sku.of("A-1"))).isPresent();
  }

  @Test
  void crlfAndLf_mixed_andQuotedNewlinesAndQuotes_readExactly() {
    String file = HEADER + ",notes\r\n" + ROW + ",\"say \"\"hi\"\"\r\nand, then\nbye\"\n"
        + ROW.replace("A-1", "A-2") + ",plain\r\n";

    ImportReport report = apply(utf8(file));

    assertThat(report.outcome()).isEqualTo(ImportOutcome.APPLIED);
    assertThat(report.rows()).extracting(RowResult::row).containsExactly(2L, 3L);
    assertThat(importer.ledger().requireItem(Sku.of("A-1")).details().notes())
        .contains("say \"hi\"\r\nand, then\nbye");
    assertThat(importer.ledger().requireItem(Sku.of("A-2")).details().notes()).contains("plain");
  }

  @Test
  void nonUtf8Bytes_areRefused_withRowAndColumn() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(HEADER + "\r\n" + ROW + "\r\nA-2,Caf"));
    out.write(0xE9); // Latin-1 e-acute: not UTF-8
    out.writeBytes(utf8(",Home,GOOD,USD,5,2026-01-01,SHED,NONE,1\r\n"));

    ImportReport report = apply(out.toByteArray());

    assertRefused(report, ImportErrorCode.INVALID_ENCODING, 3, "title");
    assertThat(report.fileErrors().get(0).message()).contains("0xE9");
  }

  @Test
  void cellOverTheSizeLimit_isRefused_withRowAndColumn() {
    importer = importer.withLimits(CsvLimits.defaults().withMaxFieldChars(100));
    String file = HEADER + ",notes\n" + ROW + ",short\n" + ROW.replace("A-1", "A-2") + ",\"" + "x".repeat(101) + "\"\n";

    assertRefused(apply(utf8(file)), ImportErrorCode.FIELD_TOO_LARGE, 3, "notes");
  }

  @Test
  void moreCellsThanTheHeader_isRefused() {
    assertRefused(apply(utf8(HEADER + "\n" + ROW + ",extra\n")), ImportErrorCode.COLUMN_COUNT_MISMATCH, 2, "#11");
  }

  @Test
  void emptyFile_andBomAlone_areRefused() {
    assertRefused(apply(new byte[0]), ImportErrorCode.EMPTY_FILE, 1, null);
    open();
    assertRefused(apply(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}), ImportErrorCode.EMPTY_FILE, 1,
        null);
  }

  @Test
  void headerAlone_isRefused() {
    assertRefused(apply(utf8(HEADER + "\r\n")), ImportErrorCode.NO_DATA_ROWS, 2, null);
  }

  @Test
  void unclosedQuote_isRefused_asMalformed() {
    assertRefused(apply(utf8(HEADER + "\n" + ROW + "\nA-2,\"Lamp,Home,GOOD,USD,5,2026-01-01,SHED,NONE,1\n")),
        ImportErrorCode.MALFORMED_CSV, 3, null);
  }

  @Test
  void textAfterClosingQuote_isRefused_asMalformed() {
    assertRefused(apply(utf8(HEADER + "\n\"A-1\"x,Lamp,Home,GOOD,USD,5,2026-01-01,SHED,NONE,1\n")),
        ImportErrorCode.MALFORMED_CSV, 2, null);
  }

  @Test
  void missingSkuColumn_isRefused() {
    assertRefused(apply(utf8("title\nLamp\n")), ImportErrorCode.MISSING_COLUMN, 1, "sku");
  }

  @Test
  void blankLines_areSkipped_butRowNumbersStayThoseOfTheFile() {
    ImportReport report = importer.preview(ImportRequest.of(ImportKind.ITEMS,
        CsvSource.of("f.csv", utf8(HEADER + "\n\n" + ROW.replace("GOOD", "GOOOD") + "\n"))));
    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(3));
  }

  @Test
  void fileCheck_readsLikeTheImport_andGivesTheSameSha256() {
    byte[] file = utf8(HEADER + "\n" + ROW + "\n" + ROW.replace("A-1", "A-2") + "\n");
    CsvFileCheck check = CsvFileCheck.of(CsvSource.of("f.csv", file), ImportKind.ITEMS);
    assertThat(check.readable()).isTrue();
    assertThat(check.dataRows()).isEqualTo(2);
    assertThat(check.sha256()).isEqualTo(apply(file).sha256());

    CsvFileCheck bad = CsvFileCheck.of(CsvSource.of("f.csv", utf8("sku,sku\nA,B\n")), ImportKind.ITEMS);
    assertThat(bad.errors()).extracting(RowError::code).containsExactly(ImportErrorCode.DUPLICATE_HEADER);
  }
}
