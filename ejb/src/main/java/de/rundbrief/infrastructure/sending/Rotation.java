package de.rundbrief.infrastructure.sending;

import de.rundbrief.infrastructure.sending.RecipientQueue.Active;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fair share between mailings, and so between tenants: the mailings with work take turns, and
 * each turn lasts for a given number of claimed recipients. A mailing of 500 recipients that starts
 * while one of a million is sending is done after a few turns, not after the million.
 */
final class Rotation {

  private final Deque<Active> turns = new ArrayDeque<>();
  private final Set<Active> idle = new HashSet<>();
  private int servedInTurn;

  /** The mailings that are sending now; those found idle get another look. */
  synchronized void refresh(List<Active> active) {
    turns.retainAll(active);
    for (Active mailing : active) {
      if (!turns.contains(mailing)) {
        turns.addLast(mailing);
      }
    }
    idle.clear();
  }

  /** The mailing whose turn it is, or {@code null} if none has work. */
  synchronized Active next() {
    for (int i = 0; i < turns.size(); i++) {
      Active head = turns.peekFirst();
      if (!idle.contains(head)) {
        return head;
      }
      rotate();
    }
    return null;
  }

  /** Counts recipients claimed for a mailing; its turn ends after {@code share} of them. */
  synchronized void served(Active mailing, int recipients, int share) {
    if (!mailing.equals(turns.peekFirst())) {
      return;
    }
    servedInTurn += recipients;
    if (servedInTurn >= share) {
      rotate();
    }
  }

  /** The mailing had nothing to claim; skip it until the next refresh. */
  synchronized void idle(Active mailing) {
    idle.add(mailing);
    if (mailing.equals(turns.peekFirst())) {
      rotate();
    }
  }

  synchronized boolean hasWork() {
    return turns.stream().anyMatch(mailing -> !idle.contains(mailing));
  }

  private void rotate() {
    if (!turns.isEmpty()) {
      turns.addLast(turns.pollFirst());
    }
    servedInTurn = 0;
  }
}
