/**
 * Checks and transition tables that value types and the engine share. Not exported: value types use it to
 * refuse bad input at construction, and it depends on nothing but {@link org.resellledger.core.RejectionException}.
 */
package org.resellledger.core.value;
