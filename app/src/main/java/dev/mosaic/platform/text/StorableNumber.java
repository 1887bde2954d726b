package dev.mosaic.platform.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Numbers that PostgreSQL's {@code numeric} (and so {@code jsonb}) and every JSON reader take, and that
 * are cheap to print. JSON allows {@code 1e999999}; PostgreSQL refuses it, and printing it in full would
 * need a megabyte. Mosaic keeps numbers of at most {@value #MAX_DIGITS} digits before and
 * {@value #MAX_DIGITS} after the decimal point, as written (amounts, probabilities, scores and ids all fit).
 */
public final class StorableNumber {

    public static final int MAX_DIGITS = 100;

    /**
     * The longest number written as text that can pass ({@code -}, 100 digits, {@code .}, 100 digits, and an
     * exponent); longer text is refused before parsing, which costs time that grows with its length.
     */
    public static final int MAX_TEXT_LENGTH = 2 * MAX_DIGITS + 16;

    private static final String RULE = "must have at most " + MAX_DIGITS + " digits before and " + MAX_DIGITS
            + " after the decimal point";

    private StorableNumber() {
    }

    /** Why {@code number} cannot be stored, as a phrase that follows its name; empty when it can. */
    public static Optional<String> problem(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (!Double.isFinite(value)) {
                return Optional.of("is " + value + ", which is not a number Mosaic can store");
            }
            return problem(BigDecimal.valueOf(value));
        }
        if (number instanceof BigDecimal decimal) {
            return problem(decimal);
        }
        if (number instanceof BigInteger integer) {
            return problem(new BigDecimal(integer));
        }
        return Optional.empty();
    }

    /** Digits are counted without printing the number: 1E+999999 has 1,000,000 digits before the point. */
    public static Optional<String> problem(BigDecimal number) {
        long integerDigits = Math.max(0L, (long) number.precision() - number.scale());
        long fractionDigits = Math.max(0L, number.scale());
        if (integerDigits > MAX_DIGITS || fractionDigits > MAX_DIGITS) {
            return Optional.of(RULE + "; this one has " + integerDigits + " before and " + fractionDigits + " after");
        }
        return Optional.empty();
    }

    /**
     * Why a number written as text cannot be stored, checked before it is parsed; empty when it may be
     * parsed (and then checked as a number).
     */
    public static Optional<String> problemOfText(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of(RULE + "; this one is written with " + text.length() + " characters");
        }
        return Optional.empty();
    }
}
