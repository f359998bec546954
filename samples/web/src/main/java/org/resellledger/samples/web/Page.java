package org.resellledger.samples.web;

/**
 * One view or one action of the dashboard, answering one path: a page class per view (overview, items,
 * item, listings, inbox, proposals, queues, today, week, charts) and per form action, each registered with one line in
 * {@link WebDashboard}. Pages read and write only through {@link Books}; they build markup with {@link Html},
 * which escapes every value.
 */
interface Page {
  Response handle(Request request);
}
