package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.SalesforceError;

/**
 * Query errors worded as Salesforce words them: the offending line, a caret under the position,
 * "ERROR at Row:r:Column:c" and the reason.
 */
final class SoqlErrors {
    static final String CUSTOM_FIELD_HINT = "If you are attempting to use a custom field, be sure to append the '__c' "
            + "after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
    static final String CUSTOM_OBJECT_HINT = "If you are attempting to use a custom object, be sure to append the '__c' "
            + "after the entity name. Please reference your WSDL or the describe call for the appropriate names.";
    static final String CUSTOM_RELATIONSHIP_HINT = "If you are attempting to use a custom relationship, be sure to "
            + "append the '__r' after the custom relationship name. Please reference your WSDL or the describe call "
            + "for the appropriate names.";

    private SoqlErrors() {
    }

    static SalesforceError malformed(String soql, int offset, String reason) {
        return new SalesforceError(400, "MALFORMED_QUERY", located(soql, offset, reason));
    }

    static SalesforceError invalidField(String soql, int offset, String reason) {
        return new SalesforceError(400, "INVALID_FIELD", located(soql, offset, reason));
    }

    static SalesforceError noSuchColumn(String soql, int offset, String column, String entity) {
        return invalidField(soql, offset, "No such column '" + column + "' on entity '" + entity + "'. "
                + CUSTOM_FIELD_HINT);
    }

    static SalesforceError badRelationship(String soql, int offset, String relationship) {
        return invalidField(soql, offset, "Didn't understand relationship '" + relationship + "' in field path. "
                + CUSTOM_RELATIONSHIP_HINT);
    }

    static SalesforceError invalidType(String soql, int offset, String object) {
        return new SalesforceError(400, "INVALID_TYPE", located(soql, offset,
                "sObject type '" + object + "' is not supported. " + CUSTOM_OBJECT_HINT));
    }

    static SalesforceError invalidFilterOperator(String soql, int offset, String reason) {
        return new SalesforceError(400, "INVALID_QUERY_FILTER_OPERATOR", located(soql, offset, reason));
    }

    /** "\n<line>\n<spaces>^\nERROR at Row:r:Column:c\n<reason>", Salesforce's located-error layout. */
    static String located(String soql, int offset, String reason) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < soql.length(); i++) {
            if (soql.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int lineEnd = soql.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = soql.length();
        }
        int column = offset - lineStart + 1;
        String line = soql.substring(lineStart, lineEnd);
        int caret = column - 1;
        // Long statements are shown as a window around the error, as Salesforce does.
        if (line.length() > 160) {
            int from = Math.max(0, caret - 80);
            int to = Math.min(line.length(), caret + 80);
            line = line.substring(from, to);
            caret -= from;
        }
        return "\n" + line + "\n" + " ".repeat(Math.max(0, caret)) + "^\nERROR at Row:" + row + ":Column:" + column
                + "\n" + reason;
    }
}
