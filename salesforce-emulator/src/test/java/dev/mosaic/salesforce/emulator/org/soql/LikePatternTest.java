package dev.mosaic.salesforce.emulator.org.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void matchesAsSoqlLikeDoes() {
        assertThat(like("abc%", "ABCdef")).isTrue();
        assertThat(like("%def", "abcdef")).isTrue();
        assertThat(like("%def", "abcdefg")).isFalse();
        assertThat(like("a_c", "abc")).isTrue();
        assertThat(like("a_c", "abbc")).isFalse();
        assertThat(like("%b%d%", "abcde")).isTrue();
        assertThat(like("%b%d%", "adcbe")).isFalse();
        assertThat(like("a%%c", "ac")).isTrue();
        assertThat(like("ab%ba", "aba")).isFalse();
        assertThat(like("100\\%", "100%")).isTrue();
        assertThat(like("100\\%", "1000")).isFalse();
        assertThat(like("a\\_c", "abc")).isFalse();
        assertThat(like("%", "")).isTrue();
        assertThat(like("", "")).isTrue();
        assertThat(like("", "a")).isFalse();
        assertThat(like("_", "é")).isTrue();
        assertThat(like("_", "😀")).isTrue();
        assertThat(like("ÉCOLE%", "école normale")).isTrue();
        assertThat(LikePattern.compile("%").matches(null)).isFalse();
    }

    /** The same answers as a regular expression of the pattern, on thousands of generated cases. */
    @Test
    void agreesWithARegularExpressionOfThePattern() {
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            String pattern = generate(random, "ab%_", 8);
            String value = generate(random, "abAB", 10);
            assertThat(like(pattern, value)).as("'%s' LIKE '%s'", value, pattern).isEqualTo(regex(pattern).matcher(value).matches());
        }
    }

    /** Eighty % used to take exponential time in a regular expression; this pattern must simply be answered. */
    @Test
    void answersPatternsOfManyPercentSigns() {
        String pattern = "%a".repeat(80) + "%b";
        assertThat(like(pattern, "a".repeat(200))).isFalse();
        assertThat(like(pattern, "a".repeat(200) + "b")).isTrue();
    }

    private static boolean like(String pattern, String value) {
        return LikePattern.compile(pattern).matches(value);
    }

    private static String generate(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Pattern regex(String like) {
        StringBuilder re = new StringBuilder();
        for (char c : like.toCharArray()) {
            re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
