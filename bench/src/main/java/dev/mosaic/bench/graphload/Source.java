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
        return this == CRM ? "acc-" + slice : String.format("CUST%07d", slice);
    }

    String namesakeOrganizationId(int slice) {
        return this == CRM ? "acc-" + slice + "-b" : String.format("CUST%07dB", slice);
    }

    String contactId(int slice, int number) {
        return this == CRM ? "con-" + slice + "-" + number : String.format("PER%07d-%02d", slice, number);
    }

    String dealId(int slice, int number) {
        return this == CRM ? "opp-" + slice + "-" + number : String.format("SO%07d-%02d", slice, number);
    }

    String interactionId(int slice, int number) {
        return this == CRM ? "act-" + slice + "-" + number : String.format("ACT%07d-%02d", slice, number);
    }

    String noteId(int slice, int number) {
        return this == CRM ? "note-" + slice + "-" + number : String.format("MEMO%07d-%02d", slice, number);
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
}
