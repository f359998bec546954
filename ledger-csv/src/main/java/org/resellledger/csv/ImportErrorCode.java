package org.resellledger.csv;

import org.resellledger.core.RejectionCode;

/**
 * Why a row or a file was refused. File-level codes come first (any of them refuses the whole file, in every
 * mode); then the row-level codes of the import itself; then one code per {@link RejectionCode}, with the same
 * name, for a value or a rule the ledger refused.
 */
public enum ImportErrorCode {
  // ---- the file as a whole: nothing is applied ------------------------------------------------------
  /** The file has no bytes, or nothing but a byte-order mark and blank lines. */
  EMPTY_FILE,
  /** The file has a header and no data row. */
  NO_DATA_ROWS,
  /** A byte sequence is not valid UTF-8. */
  INVALID_ENCODING,
  /** A cell is longer than {@link CsvLimits#maxFieldChars()}. */
  FIELD_TOO_LARGE,
  /** A row has more cells than the header has columns (or fewer, except a wholly empty line). */
  COLUMN_COUNT_MISMATCH,
  /** The CSV itself is broken: a quote not closed, text after a closing quote. */
  MALFORMED_CSV,
  /** Two header cells name the same column (after ignoring case, spaces and underscores). */
  DUPLICATE_HEADER,
  /** A column the file kind needs (e.g. {@code sku}) is not in the header. */
  MISSING_COLUMN,
  /**
   * Another import of the same file (same SHA-256 and kind) is being applied in this workspace right now;
   * this one changed nothing. Apply again once it has ended.
   */
  IMPORT_IN_PROGRESS,
  /** The same row was given twice, or the same file read twice gave different bytes. */
  FILE_CHANGED,
  /**
   * An ALL_OR_NOTHING file longer than one transaction may be ({@link CsvImporter#withAtomicRows}); nothing
   * was applied. Apply it ALL_VALID_IN_UNITS, or split it.
   */
  FILE_TOO_LONG_FOR_ONE_TRANSACTION,

  // ---- one row -----------------------------------------------------------------------------------------
  /**
   * The store failed while applying a unit of rows (an error other than a refusal: a lost connection, a
   * full disk). The import stopped there (FAILED_PART_WAY); applying the file again resumes.
   */
  STORE_FAILED,
  /** A required value is blank, for a new record. */
  REQUIRED,
  /** A {@code [clear]} marker on a field that cannot be empty. */
  CANNOT_CLEAR,
  /** A word that is not one of the allowed values (the message suggests the nearest). */
  UNKNOWN_VALUE,
  /** A negative quantity outside the adjustments import. */
  NEGATIVE_QUANTITY,
  /** The same SKU, listing or external id appears on two rows of the file. */
  DUPLICATE_IN_FILE,
  /** A count sheet row's {@code location} is not the count session's location nor under it. */
  LOCATION_MISMATCH,
  /** The row matches several listings; give {@code listing_id} to say which. */
  AMBIGUOUS_LISTING,
  /** An external id does not have its channel's format. */
  EXTERNAL_ID_FORMAT,
  /**
   * A backup's event is not its stream's next version (a gap, a repeat, versions out of order): the file is
   * not a whole backup ({@link CsvBackup}).
   */
  VERSION_SEQUENCE,

  // ---- refused by the ledger (same names as RejectionCode) --------------------------------------------
  INVALID_VALUE,
  MISSING_FIELD,
  REASON_REQUIRED,
  CURRENCY_MISMATCH,
  UNKNOWN_ITEM,
  UNKNOWN_LISTING,
  UNKNOWN_ORDER,
  DUPLICATE_SKU,
  DUPLICATE_EXTERNAL_ID,
  ITEM_ARCHIVED,
  ILLEGAL_ITEM_STATUS_TRANSITION,
  ILLEGAL_LISTING_STATUS_TRANSITION,
  ILLEGAL_ORDER_STATUS_TRANSITION,
  NOT_IN_ORDER,
  INSUFFICIENT_UNITS,
  PHOTOS_REQUIRED,
  IDEMPOTENCY_CONFLICT,
  CONCURRENT_MODIFICATION,
  // the inbox's and the channel layer's (org.resellledger.core.inbox, .channel): no import row meets them;
  // named here to stay in step
  UNKNOWN_INBOX_ENTRY,
  ILLEGAL_INBOX_TRANSITION,
  // the channel-id map's (org.resellledger.core.channel)
  CHANNEL_ID_TAKEN,
  NOT_MATCHABLE,
  // the proposal lane's (org.resellledger.core.proposal): no import row meets them; named here to stay in step
  UNKNOWN_PROPOSAL,
  EVIDENCE_REQUIRED,
  APPROVER_NOT_A_PERSON,
  SELF_APPROVAL,
  AUTO_APPROVAL_OFF,
  RISKY_AUTO_APPROVAL,
  PROPOSAL_CLOSED,
  APPROVAL_REPLAYED,
  ALREADY_APPLIED,
  NOT_APPROVED,
  PROPOSAL_CHANGED,
  APPROVAL_EXPIRED,
  TARGET_MOVED,
  ILLEGAL_PROPOSAL_TRANSITION,
  // buyer messages' (org.resellledger.core.message): no import row meets them; named here to stay in step
  UNKNOWN_MESSAGE,
  ILLEGAL_MESSAGE_TRANSITION,
  // physical counts' (org.resellledger.core.count)
  UNKNOWN_COUNT,
  COUNT_ALREADY_OPEN,
  COUNT_CLOSED;

  /** The import code for a ledger rejection code: the one with the same name. */
  public static ImportErrorCode of(RejectionCode code) {
    return valueOf(code.name());
  }

  /** Whether an error with this code refuses the whole file whatever the mode. */
  public boolean isFileLevel() {
    return ordinal() <= FILE_TOO_LONG_FOR_ONE_TRANSACTION.ordinal();
  }
}
