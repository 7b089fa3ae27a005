package io.github.youshu.expression;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for names written in annotations: the known name closest to a misspelt one.
 * Names that differ only in case or underscores ({@code PAYED}, {@code cancelPay}) always match;
 * otherwise the closest name by edit distance (Levenshtein) within a third of the name's length
 * (at least 2; 1 for names of one or two letters), so {@code paid} suggests {@code payed} and
 * {@code idd} suggests {@code id}.
 */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param written    what the annotation says
     * @param candidates the names that exist
     * @return the closest candidate, or {@code null} when none is close enough
     */
    static String closest(String written, Collection<String> candidates) {
        String normalized = normalize(written);
        String best = null;
        int bestDistance = (written.length() <= 2 ? 1 : Math.max(2, written.length() / 3)) + 1;
        for (String candidate : candidates) {
            if (candidate.equals(written)) {
                continue;
            }
            String other = normalize(candidate);
            int distance = other.equals(normalized) ? 0 : distance(normalized, other);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** {@code "; did you mean 'x'?"}, or an empty string when nothing is close. */
    static String didYouMean(String written, Collection<String> candidates) {
        String closest = closest(written, candidates);
        return closest == null ? "" : "; did you mean '" + closest + "'?";
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
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
