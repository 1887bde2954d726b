package dev.mosaic.connection;

import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.salesforce.client.Disposition;
import dev.mosaic.salesforce.client.SalesforceException;
import java.net.URI;

/**
 * Says in plain words which step of connecting failed, and what to do, from the error Salesforce gave. The
 * messages name the values of the user's guide (consumer key, consumer secret, refresh token, login URL).
 */
final class ConnectionCheck {

    private ConnectionCheck() {
    }

    static InvalidInputException loginFailed(URI loginUrl, SalesforceException e) {
        String step = "Logging in to " + loginUrl + " with the refresh token failed: ";
        String advice = switch (e.errorCode()) {
            case "invalid_client_id" -> "Salesforce does not know this consumer key. Copy the Consumer Key again from "
                    + "the Connected App's \"Manage Consumer Details\" page, and check that the login URL is the org's "
                    + "(sandboxes log in at https://test.salesforce.com).";
            case "invalid_client" -> "the consumer secret does not belong to this consumer key. Copy the Consumer "
                    + "Secret again from the Connected App's \"Manage Consumer Details\" page.";
            case "invalid_grant" -> "Salesforce refused the refresh token: it was revoked, expired, or issued to "
                    + "another Connected App or login URL. Generate a new refresh token with this consumer key, as "
                    + "the guide shows, and paste it here.";
            case "inactive_user", "inactive_org" -> "the Salesforce user or org of this refresh token is inactive. "
                    + "Connect with an active user.";
            default -> e.disposition() == Disposition.RETRY && e.status() == 0
                    ? "Mosaic could not reach the login URL. Check it, and that Salesforce is reachable from here."
                    : "Salesforce answered: " + e.getMessage();
        };
        return new InvalidInputException(step + advice);
    }

    static InvalidInputException authorizationFailed(SalesforceException e) {
        String advice = switch (e.errorCode()) {
            case "invalid_client_id" -> "Salesforce does not know this consumer key. Copy the Consumer Key again.";
            case "invalid_client" -> "the consumer secret does not belong to this consumer key. Copy the Consumer Secret "
                    + "again.";
            case "invalid_grant" -> "the approval expired or was already used. Click \"Connect with Salesforce\" again.";
            case "redirect_uri_mismatch" -> "the Connected App's Callback URL must list this page's callback address.";
            default -> "Salesforce answered: " + e.getMessage();
        };
        return new InvalidInputException("Salesforce approved the connection, but trading the approval for a refresh "
                + "token failed: " + advice);
    }

    static InvalidInputException apiFailed(SalesforceException e) {
        return new InvalidInputException("Logging in worked, but reading the org's API limits did not: " + e.getMessage()
                + ". The Connected App needs the \"Manage user data via APIs (api)\" scope, and the user the API "
                + "Enabled permission.");
    }

    /** A value pasted from Salesforce: present, and whole (no control characters, no page of text). */
    static void requireValue(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required: " + what);
        }
        if (value.length() > 2_000 || value.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidInputException(field + " is not a value Salesforce issues: check that it was copied whole");
        }
    }
}
