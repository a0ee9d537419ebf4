package dev.switchboard.microagents.control;

import java.lang.Character.UnicodeScript;
import java.util.Set;

/**
 * Whether a trigger occurs in a message: case-insensitively, and at word boundaries where the trigger itself starts
 * or ends with a word character, so {@code git} does not fire on {@code digital} while {@code c++} or
 * {@code /deploy} match as written. Word characters are Unicode letters, digits, marks and {@code _}; scripts
 * written without spaces between words (Han, kana, Thai, ...) need no boundary, or a trigger such as {@code 部署}
 * could never match inside a sentence.
 */
public final class TriggerMatch {

    private static final Set<UnicodeScript> UNSPACED = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR,
            UnicodeScript.TIBETAN);

    private TriggerMatch() {
    }

    public static boolean occursIn(String trigger, String message) {
        return message != null && occursInFolded(trigger, fold(message));
    }

    /**
     * {@link #occursIn} for a message already {@link #fold folded}: a matcher trying many triggers on one
     * message folds it once.
     */
    static boolean occursInFolded(String trigger, String text) {
        if (trigger == null || trigger.isBlank() || text == null) {
            return false;
        }
        String word = fold(trigger.strip());
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (boundaryBefore(text, at, word) && boundaryAfter(text, at + word.length(), word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundaryBefore(String text, int at, String word) {
        int first = word.codePointAt(0);
        return at == 0 || !needsBoundary(first) || !isWordChar(text.codePointBefore(at));
    }

    private static boolean boundaryAfter(String text, int end, String word) {
        int last = word.codePointBefore(word.length());
        return end >= text.length() || !needsBoundary(last) || !isWordChar(text.codePointAt(end));
    }

    private static boolean needsBoundary(int codePoint) {
        return isWordChar(codePoint) && !UNSPACED.contains(UnicodeScript.of(codePoint));
    }

    static boolean isWordChar(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint) || codePoint == '_' || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Case folding per code point: it keeps offsets aligned where {@code toLowerCase} could change the length. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int folded = Character.toLowerCase(Character.toUpperCase(cp));
            // a fold that leaves the BMP (or enters it) would shift offsets: keep such characters as they are
            out.appendCodePoint(Character.charCount(folded) == Character.charCount(cp) ? folded : cp);
        });
        return out.toString();
    }
}
