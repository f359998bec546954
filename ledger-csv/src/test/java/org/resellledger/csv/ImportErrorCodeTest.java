package org.resellledger.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.resellledger.core.RejectionCode;

/** ImportErrorCode restates RejectionCode's names so that a row error has one flat code; this keeps them in step. */
class ImportErrorCodeTest {
  @Test
  void everyLedgerRejection_hasARowCodeOfTheSameName() {
    for (RejectionCode code : RejectionCode.values()) {
      ImportErrorCode mapped = ImportErrorCode.of(code);
      assertThat(mapped.name()).isEqualTo(code.name());
      assertThat(mapped.isFileLevel()).as(code.name()).isFalse();
    }
  }

  @Test
  void fileLevelCodes_areExactlyTheOnesBeforeTheRowCodes() {
    assertThat(Arrays.stream(ImportErrorCode.values()).filter(ImportErrorCode::isFileLevel))
        .containsExactly(ImportErrorCode.EMPTY_FILE, ImportErrorCode.NO_DATA_ROWS, ImportErrorCode.INVALID_ENCODING,
            ImportErrorCode.FIELD_TOO_LARGE, ImportErrorCode.COLUMN_COUNT_MISMATCH, ImportErrorCode.MALFORMED_CSV,
            ImportErrorCode.DUPLICATE_HEADER, ImportErrorCode.MISSING_COLUMN, ImportErrorCode.IMPORT_IN_PROGRESS,
            ImportErrorCode.FILE_CHANGED, ImportErrorCode.FILE_TOO_LONG_FOR_ONE_TRANSACTION);
  }
}
