package org.resellledger.samples.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.resellledger.core.item.Sku;

/** The dashboard's addresses, in one place, with their query values encoded. */
final class Urls {
  static final String OVERVIEW = "/";
  static final String ITEMS = "/items";
  static final String ITEM = "/item";
  static final String LISTINGS = "/listings";
  static final String INBOX = "/inbox";
  static final String CHARTS = "/charts";
  static final String PROPOSALS = "/proposals";
  static final String QUEUES = "/queues";
  static final String TODAY = "/today";
  static final String WEEK = "/week";
  static final String STYLE = "/style.css";
  static final String ITEM_STATUS = "/item/status";
  static final String LISTING_END = "/listing/end";
  static final String PROPOSAL_APPROVE = "/proposal/approve";
  static final String PROPOSAL_REJECT = "/proposal/reject";

  private Urls() {}

  static String item(Sku sku) {
    return ITEM + "?sku=" + encode(sku.value());
  }

  static String listings(Sku sku) {
    return LISTINGS + "?sku=" + encode(sku.value());
  }

  /** The proposals page, saying what became of the proposal just decided. */
  static String proposalsDecided(String proposal) {
    return PROPOSALS + "?decided=" + encode(proposal);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
