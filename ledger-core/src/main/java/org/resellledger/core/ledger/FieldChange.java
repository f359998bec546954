package org.resellledger.core.ledger;

import java.util.Optional;

/** One field's value before and after a change, as text; empty means the field had (or has) no value. */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {}
