package org.resellledger.core.order;

import java.util.regex.Pattern;
import org.resellledger.core.RejectionException;
import org.resellledger.core.value.Checks;

/**
 * The form of an order's id on its channel, as the ledger keeps it: trimmed (so {@code "24-77"} and
 * {@code "24-77 "} are one order), then 1 to 100 letters, digits, '-', '_', '.', ':', '/' or '#', starting with
 * a letter, a digit or '#'. That covers every channel's order ids (eBay {@code 24-11301-55555}, Shopify
 * {@code #1001} or {@code gid://shopify/Order/5512345678}, Etsy receipt numbers, Mercari {@code m12345678901})
 * and refuses spaces and control characters inside. An id already stored is never re-checked.
 */
public final class ExternalOrderIdFormat {
  private ExternalOrderIdFormat() {}

  public static final int MAX_LENGTH = 100;

  private static final Pattern FORMAT = Pattern.compile("[\\p{L}\\p{N}#][\\p{L}\\p{N}._:/#-]{0," + (MAX_LENGTH - 1) + "}");

  /**
   * The id, trimmed.
   *
   * @throws RejectionException {@code INVALID_VALUE} on {@code field} when blank, too long or malformed
   */
  public static String check(String field, String externalOrderId) {
    String id = Checks.text(field, externalOrderId, MAX_LENGTH);
    if (!FORMAT.matcher(id).matches()) {
      throw RejectionException.invalid(field, id, "1 to " + MAX_LENGTH
          + " letters, digits, '-', '_', '.', ':', '/' or '#', starting with a letter, a digit or '#'");
    }
    return id;
  }
}
