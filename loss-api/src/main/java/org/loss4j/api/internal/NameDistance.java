package org.loss4j.api.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finds the known names closest to a misspelt one, for "did you mean" messages. */
public final class NameDistance {
  private NameDistance() {}

  /**
   * Returns up to {@code limit} names ordered by their edit distance to {@code wanted}, ignoring
   * case, and then alphabetically.
   */
  public static List<String> closest(String wanted, Collection<String> known, int limit) {
    String target = wanted.toLowerCase(Locale.ROOT);
    return known.stream()
        .sorted(Comparator.comparingInt(
                (String name) -> distance(target, name.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .collect(Collectors.toList());
  }

  /** Returns the Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
