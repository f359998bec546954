package org.resellledger.samples.cli;

import java.time.LocalDate;
import org.resellledger.core.item.Category;
import org.resellledger.core.item.Condition;
import org.resellledger.core.item.Item;
import org.resellledger.core.item.ItemCommand.IntakeItem;
import org.resellledger.core.item.ItemDetails;
import org.resellledger.core.item.ItemStatus;
import org.resellledger.core.item.PhotoStatus;
import org.resellledger.core.item.Sku;
import org.resellledger.core.item.StorageLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "intake", description = "Take an item in: its details and how many units arrived.")
final class IntakeCommand extends BooksCommand {
  @Option(names = "--sku", required = true, description = "1-64 letters, digits, . _ -") String sku;
  @Option(names = "--title", required = true) String title;
  @Option(names = "--category", required = true, description = "Levels broad to narrow: 'Clothing > Men > Jackets'.")
  String category;
  @Option(names = "--condition", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
  Condition condition;
  @Option(names = "--cost", required = true, paramLabel = "AMOUNT",
      description = "What was paid for all the units, in the books' currency unless --currency.")
  String cost;
  @Option(names = "--currency", paramLabel = "CODE") String currency;
  @Option(names = "--acquired", paramLabel = "DATE", description = "yyyy-MM-dd (default: today).")
  LocalDate acquired;
  @Option(names = "--location", required = true, description = "area, area/shelf or area/shelf/bin.")
  String location;
  @Option(names = "--photos", defaultValue = "NONE", description = "One of: ${COMPLETION-CANDIDATES}.")
  PhotoStatus photos;
  @Option(names = "--quantity", defaultValue = "1") int quantity;
  @Option(names = "--status", description = "NEEDS_PHOTOS (default; READY_TO_LIST with COMPLETE photos), "
      + "READY_TO_LIST, HELD or CONSIGNED.")
  ItemStatus status;
  @Option(names = "--brand") String brand;
  @Option(names = "--notes") String notes;

  IntakeCommand(Context ctx) {
    super(ctx);
  }

  @Override
  int run(Books books) {
    String in = currency != null ? currency : books.currency.getCurrencyCode();
    ItemDetails details = ItemDetails.builder().sku(Sku.of(sku)).title(title).category(Category.parse(category))
        .condition(condition).costBasis(org.resellledger.core.money.Money.of(cost, in))
        .acquiredOn(acquired != null ? acquired : LocalDate.now()).location(StorageLocation.parse(location))
        .photoStatus(photos).brand(java.util.Optional.ofNullable(brand))
        .notes(java.util.Optional.ofNullable(notes)).build();
    ItemStatus start = status != null ? status
        : photos == PhotoStatus.COMPLETE ? ItemStatus.READY_TO_LIST : ItemStatus.NEEDS_PHOTOS;
    books.ledger.execute(new IntakeItem(details, quantity, start, common.origin(ctx)));
    Item item = books.ledger.requireItem(details.sku());
    Out out = out();
    out.text("Took in " + item.sku() + ": " + item.details().title() + ", " + item.quantity() + " unit(s), "
        + item.status() + ", cost basis " + Out.money(item.details().costBasis()) + ", at "
        + item.details().location());
    out.json(Out.item(item));
    return 0;
  }
}
