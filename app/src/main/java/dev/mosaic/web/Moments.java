package dev.mosaic.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts as a list shows them at a glance: "3 days ago", "in 2 weeks", "12 Mar 2025", "USD 1.25M". */
final class Moments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final long NEAR_DAYS = 30;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private Moments() {
    }

    /** Relative within a month either way, the day otherwise; empty for none. */
    static String day(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        Duration between = Duration.between(now, then);
        long days = Math.abs(between.toDays());
        if (days >= NEAR_DAYS) {
            return DAY.format(then);
        }
        if (days == 0) {
            return "today";
        }
        String span = days + (days == 1 ? " day" : " days");
        return between.isNegative() ? span + " ago" : "in " + span;
    }

    /** An amount in three significant figures or so with its currency; empty for none or zero. */
    static String amount(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() == 0) {
            return "";
        }
        BigDecimal size = amount.abs();
        String shown;
        if (size.compareTo(BILLION) >= 0) {
            shown = scaled(amount, BILLION) + "B";
        } else if (size.compareTo(MILLION) >= 0) {
            shown = scaled(amount, MILLION) + "M";
        } else if (size.compareTo(THOUSAND) >= 0) {
            shown = scaled(amount, THOUSAND) + "k";
        } else {
            shown = amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return currency == null || currency.isEmpty() ? shown : currency + " " + shown;
    }

    private static String scaled(BigDecimal amount, BigDecimal unit) {
        BigDecimal value = amount.divide(unit, 2, RoundingMode.HALF_UP);
        int decimals = value.abs().compareTo(BigDecimal.TEN) >= 0 ? 1 : 2;
        if (value.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
            decimals = 0;
        }
        return value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
