package org.resellledger.csv;

class InMemoryImportHistoryTest extends ImportHistoryContract {
  @Override
  protected ImportHistory newHistory() {
    return new InMemoryImportHistory();
  }
}
