package dev.mosaic.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The checks the ingest path, the API and the graph share, on the values a hostile client sends. */
class StorableValuesTest {

    @Test
    void textWithANulOrALoneSurrogateIsNotStorableAndSaysWhere() {
        assertThat(StorableText.problem("ab\u0000c", 100)).hasValueSatisfying(p -> assertThat(p).contains("NUL", "character 3"));
        assertThat(StorableText.problem("x\uD800", 100)).hasValueSatisfying(p -> assertThat(p).contains("U+D800", "character 2"));
        assertThat(StorableText.problem("\uDC00x", 100)).hasValueSatisfying(p -> assertThat(p).contains("U+DC00", "character 1"));
        assertThat(StorableText.problem("\uDE00\uD83D", 100)).isPresent();
        assertThat(StorableText.problem("rocket \uD83D\uDE80, tab\t and line\n", 100)).isEmpty();
    }

    @Test
    void textLongerThanItsLimitIsNotStorable() {
        assertThat(StorableText.problem("x".repeat(10), 10)).isEmpty();
        assertThat(StorableText.problem("x".repeat(11), 10)).hasValue("is 11 characters long; at most 10 are allowed");
    }

    @Test
    void anExcerptShowsInvisibleCharactersAsEscapesAndCutsLongText() {
        assertThat(StorableText.excerpt("a\u0000b\uD800c\u202Ed\n")).isEqualTo("a\\u0000b\\uD800c\\u202Ed\\u000A");
        assertThat(StorableText.excerpt("\uD83D\uDE80")).isEqualTo("\uD83D\uDE80");
        assertThat(StorableText.excerpt("y".repeat(61))).isEqualTo("y".repeat(60) + "…");
    }

    @Test
    void numbersPostgresqlCannotHoldAreRefusedWithoutPrintingThem() {
        assertThat(StorableNumber.problem(new BigDecimal("1e999999"))).isPresent();
        assertThat(StorableNumber.problem(new BigDecimal("-1e999999"))).isPresent();
        assertThat(StorableNumber.problem(new BigDecimal("1e-999999999"))).isPresent();
        assertThat(StorableNumber.problem(Double.NaN)).isPresent();
        assertThat(StorableNumber.problem(Double.POSITIVE_INFINITY)).isPresent();
        assertThat(StorableNumber.problem(new BigInteger("9".repeat(101)))).isPresent();
        assertThat(StorableNumber.problem(new BigDecimal("0." + "1".repeat(101)))).isPresent();

        assertThat(StorableNumber.problem(new BigInteger("9".repeat(100)))).isEmpty();
        assertThat(StorableNumber.problem(new BigDecimal("1e99"))).isEmpty();
        assertThat(StorableNumber.problem(new BigDecimal("0." + "1".repeat(100)))).isEmpty();
        assertThat(StorableNumber.problem(12_000)).isEmpty();
        assertThat(StorableNumber.problem(0.25d)).isEmpty();
    }

    @Test
    void timesAndDatesLieInTheYearsOneThousandToNineThousandNineHundredNinetyNine() {
        assertThat(StorableTime.problem(Instant.parse("1000-01-01T00:00:00Z"))).isEmpty();
        assertThat(StorableTime.problem(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isEmpty();
        assertThat(StorableTime.problem(Instant.parse("0999-12-31T23:59:59Z"))).isPresent();
        assertThat(StorableTime.problem(Instant.parse("+10000-01-01T00:00:00Z"))).isPresent();
        assertThat(StorableTime.problem(Instant.MAX)).isPresent();
        assertThat(StorableTime.problem(Instant.MIN)).isPresent();
        assertThat(StorableTime.problem(LocalDate.of(9999, 12, 31))).isEmpty();
        assertThat(StorableTime.problem(LocalDate.of(10_000, 1, 1))).isPresent();
        assertThat(StorableTime.problem(LocalDate.of(999, 12, 31))).isPresent();
    }

    @Test
    void fieldNamesAreVisibleTextOfAtMostOneHundredCharacters() {
        assertThat(FieldNames.problem("hs_lead_status")).isEmpty();
        assertThat(FieldNames.problem("Lead Source")).isEmpty();
        assertThat(FieldNames.problem("Région__c")).isEmpty();
        assertThat(FieldNames.problem("n".repeat(100))).isEmpty();

        assertThat(FieldNames.problem("")).isPresent();
        assertThat(FieldNames.problem("n".repeat(101))).isPresent();
        assertThat(FieldNames.problem(" padded")).isPresent();
        assertThat(FieldNames.problem("zero\u200Bwidth")).hasValueSatisfying(p -> assertThat(p).contains("U+200B"));
        assertThat(FieldNames.problem("tab\there")).hasValueSatisfying(p -> assertThat(p).contains("U+0009"));
        assertThat(FieldNames.problem("nul\u0000")).hasValueSatisfying(p -> assertThat(p).contains("NUL"));
    }
}
