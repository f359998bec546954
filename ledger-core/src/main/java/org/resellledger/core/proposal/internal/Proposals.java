package org.resellledger.core.proposal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resellledger.core.RejectionCode;
import org.resellledger.core.RejectionException;
import org.resellledger.core.engine.Tx;
import org.resellledger.core.ledger.EventPayload;
import org.resellledger.core.ledger.StreamId;
import org.resellledger.core.proposal.OutboxQueue;
import org.resellledger.core.proposal.Proposal;
import org.resellledger.core.proposal.ProposalId;
import org.resellledger.core.proposal.ProposalStreams;
import org.resellledger.core.store.KeyedStream;
import org.resellledger.core.store.StreamState;

/** Proposal and outbox-queue streams inside a transaction: reading them, finding them by key, appending. */
final class Proposals {
  private Proposals() {}

  static Proposal proposal(Tx tx, ProposalId id) {
    StreamId stream = ProposalStreams.of(id);
    Proposal held = tx.held(stream);
    if (held != null) {
      return held;
    }
    StreamState stored = tx.store().state(tx.workspace(), stream).orElseThrow(() ->
        new RejectionException(RejectionCode.UNKNOWN_PROPOSAL, "proposal", id, "no proposal with this id"));
    return tx.join(stream, (Proposal) stored.state(), stored.version());
  }

  static OutboxQueue queue(Tx tx, String queue) {
    StreamId stream = ProposalStreams.queue(queue);
    OutboxQueue held = tx.held(stream);
    if (held != null) {
      return held;
    }
    Optional<StreamState> stored = tx.store().state(tx.workspace(), stream);
    if (stored.isEmpty()) {
      return OutboxQueue.empty(queue);
    }
    return tx.join(stream, (OutboxQueue) stored.get().state(), stored.get().version());
  }

  /**
   * The proposals holding a key {@code name} whose value starts with {@code prefix}: the store's (as this
   * transaction now has them) and the ones this transaction changed, in key order; only those that hold
   * such a key now.
   */
  static List<Proposal> withKey(Tx tx, String name, String prefix) {
    Map<ProposalId, Proposal> found = new LinkedHashMap<>();
    // the store's answer is read once per transaction and key; what this transaction changed is merged below
    Map<String, List<KeyedStream>> read = tx.local(KeyReads.class, KeyReads::new).read;
    List<KeyedStream> stored = read.computeIfAbsent(name + "\u0000" + prefix, k ->
        tx.store().streamsWithKeyPrefix(tx.workspace(), ProposalStreams.PROPOSAL, name, prefix, 1000));
    for (KeyedStream k : stored) {
      ProposalId id = ProposalId.of(k.stream().id());
      found.putIfAbsent(id, proposal(tx, id));
    }
    for (Proposal p : tx.held(ProposalStreams.PROPOSAL, Proposal.class)) {
      found.putIfAbsent(p.id(), p);
    }
    List<Proposal> out = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Proposal p : found.values()) {
      ProposalFold.keys(p).stream().filter(k -> k.name().equals(name) && k.value().startsWith(prefix))
          .findFirst().ifPresent(k -> {
            int at = 0;
            while (at < values.size() && values.get(at).compareTo(k.value()) < 0) {
              at++;
            }
            values.add(at, k.value());
            out.add(at, p);
          });
    }
    return out;
  }

  /** The key reads of one transaction. */
  private static final class KeyReads {
    final Map<String, List<KeyedStream>> read = new java.util.HashMap<>();
  }

  static Proposal append(Tx tx, Proposal p, EventPayload fact, Optional<String> causation) {
    return tx.append(ProposalStreams.of(p.id()), p.version() + 1, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), fact, causation);
  }

  static Proposal start(Tx tx, ProposalId id, EventPayload drafted, Optional<String> causation) {
    return tx.append(ProposalStreams.of(id), 1, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), drafted, causation);
  }

  static OutboxQueue appendQueue(Tx tx, OutboxQueue q, EventPayload fact, Optional<String> causation) {
    return tx.append(ProposalStreams.queue(q.queue()), q.version() + 1, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), fact, causation);
  }
}
