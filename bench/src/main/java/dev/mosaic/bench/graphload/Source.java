package dev.mosaic.bench.graphload;

import java.util.Locale;

/**
 * The two systems the data comes from, each with its own id scheme and its own way of writing the same facts:
 * the CRM keeps a bare domain and lower-case emails, the ERP a website URL and emails as people typed them.
 */
enum Source {
    CRM("crm"),
    ERP("erp");

    final String apiName;

    Source(String apiName) {
        this.apiName = apiName;
    }

    Source other() {
        return this == CRM ? ERP : CRM;
    }

    String organizationId(int slice) {
        return this == CRM ? "acc-" + slice : "CUST" + padded(slice, 7);
    }

    String namesakeOrganizationId(int slice) {
        return this == CRM ? "acc-" + slice + "-b" : "CUST" + padded(slice, 7) + "B";
    }

    String contactId(int slice, int number) {
        return this == CRM ? "con-" + slice + "-" + number : "PER" + padded(slice, 7) + "-" + padded(number, 2);
    }

    String dealId(int slice, int number) {
        return this == CRM ? "opp-" + slice + "-" + number : "SO" + padded(slice, 7) + "-" + padded(number, 2);
    }

    String interactionId(int slice, int number) {
        return this == CRM ? "act-" + slice + "-" + number : "ACT" + padded(slice, 7) + "-" + padded(number, 2);
    }

    String noteId(int slice, int number) {
        return this == CRM ? "note-" + slice + "-" + number : "MEMO" + padded(slice, 7) + "-" + padded(number, 2);
    }

    /** The organization's web presence the way this source keeps it: {@code acme.com} or {@code https://www.acme.com/}. */
    String webField() {
        return this == CRM ? "domain" : "website";
    }

    String webValue(String domain) {
        return this == CRM ? domain : "https://www." + domain + "/";
    }

    /** {@code anna.kalomire@kalomire.com} in the CRM, {@code Anna.Kalomire@KALOMIRE.COM} in the ERP. */
    String email(String first, String last, String domain) {
        return this == CRM
                ? (first + "." + last + "@" + domain).toLowerCase(Locale.ROOT)
                : first + "." + last + "@" + domain.toUpperCase(Locale.ROOT);
    }

    /** One phone number, written the way each source writes numbers. */
    String phone(String areaCode, String exchange, String line) {
        return this == CRM ? "(" + areaCode + ") " + exchange + "-" + line : "+1" + areaCode + exchange + line;
    }

    /** {@code number} with leading zeros to {@code width} digits (String.format is slow enough to show in a profile). */
    static String padded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
