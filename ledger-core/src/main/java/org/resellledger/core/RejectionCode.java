package org.resellledger.core;

/**
 * Why a command was refused, in order of precedence: when several rules fail, the first one listed here is
 * the one reported. Codes are stable; new ones are added, never renumbered by meaning.
 */
public enum RejectionCode {
  /** A value is malformed or out of range (blank text, bad SKU, negative money, unknown enum word). */
  INVALID_VALUE,
  /** A required field was not given (each missing field is named; see {@code RejectionException.all()}). */
  MISSING_FIELD,
  /** A manual adjustment, hold or write-off was given without a reason. */
  REASON_REQUIRED,
  /** The command names a currency different from the one the amounts it combines with are in. */
  CURRENCY_MISMATCH,
  /** No item with that SKU in this workspace. */
  UNKNOWN_ITEM,
  /** No listing with that id in this workspace. */
  UNKNOWN_LISTING,
  /** No order with that id in this workspace. */
  UNKNOWN_ORDER,
  /** The SKU is already taken by another item in this workspace. */
  DUPLICATE_SKU,
  /** The channel's external id is already used by another listing or order on that channel. */
  DUPLICATE_EXTERNAL_ID,
  /** The item is archived; only reads are allowed. */
  ITEM_ARCHIVED,
  /** The item's inventory status cannot move from its current status to the requested one. */
  ILLEGAL_ITEM_STATUS_TRANSITION,
  /** The listing's sync status cannot move from its current status to the requested one. */
  ILLEGAL_LISTING_STATUS_TRANSITION,
  /** The order's status cannot move from its current status to the requested one. */
  ILLEGAL_ORDER_STATUS_TRANSITION,
  /** The order does not contain that item, or not that many units of it. */
  NOT_IN_ORDER,
  /** Fewer units are in the source bucket than the command moves (sales are exempt: they record a conflict). */
  INSUFFICIENT_UNITS,
  /** Publishing an item above the value threshold needs complete photos. */
  PHOTOS_REQUIRED,
  /** The provider event id was seen before with different content ({@code exists_with_different_content}). */
  IDEMPOTENCY_CONFLICT,
  /** Another writer changed the same item or order; retries were exhausted. */
  CONCURRENT_MODIFICATION,
  /** No inbox entry with that id in this workspace. */
  UNKNOWN_INBOX_ENTRY,
  /** The inbox entry's state does not allow the requested move (an applied entry cannot be parked). */
  ILLEGAL_INBOX_TRANSITION,
  /** The channel id is already linked to another listing; a channel id stands for one listing. */
  CHANNEL_ID_TAKEN,
  /** The inbox entry cannot be matched by hand: it is not parked, or nothing in it is a channel id to link. */
  NOT_MATCHABLE,
  /** No proposal with that id in this workspace. */
  UNKNOWN_PROPOSAL,
  /** A proposal was drafted without evidence: it must name at least one event or figure. */
  EVIDENCE_REQUIRED,
  /**
   * Only a person approves, rejects or retries a proposal, or closes a buyer message without a reply; an agent
   * (or a channel, an import) never does.
   */
  APPROVER_NOT_A_PERSON,
  /** The author of a proposal never approves it. */
  SELF_APPROVAL,
  /** The system approved a proposal of a kind the workspace's auto-approval policy does not name. */
  AUTO_APPROVAL_OFF,
  /** The system approved a proposal flagged risky: a person must decide. */
  RISKY_AUTO_APPROVAL,
  /** The proposal is closed (rejected, superseded, expired or applied): nothing more can be decided on it. */
  PROPOSAL_CLOSED,
  /** The proposal is approved already: an approval sent again has no second effect. */
  APPROVAL_REPLAYED,
  /** The proposal is applied already, or its write has started: applying again has no second effect. */
  ALREADY_APPLIED,
  /** The proposal has no approval to apply. */
  NOT_APPROVED,
  /** The proposal's parameters are not those approved (or shown to the approver): the approval is void. */
  PROPOSAL_CHANGED,
  /** The proposal's approval ran out before it was applied. */
  APPROVAL_EXPIRED,
  /** The proposal's target changed since it was drafted or approved: it is re-planned, never forced. */
  TARGET_MOVED,
  /** The proposal's state does not allow the requested move (see {@code ProposalState}). */
  ILLEGAL_PROPOSAL_TRANSITION,
  /** No buyer message with that id in this workspace. */
  UNKNOWN_MESSAGE,
  /** The buyer message's state does not allow the requested move (see {@code MessageState}). */
  ILLEGAL_MESSAGE_TRANSITION,
  /** No count session has this id. */
  UNKNOWN_COUNT,
  /** The location has an open count session already: count into it, or close it first. */
  COUNT_ALREADY_OPEN,
  /** The count session is closed: nothing more is counted into it, and it is not closed again. */
  COUNT_CLOSED
}
