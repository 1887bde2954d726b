package dev.mosaic.salesforce.client;

import java.net.URI;

/**
 * A logged-in session: where the org's data lives and the access token for it. {@code toString} hides the
 * token.
 *
 * @param orgId the org's id, read from the identity URL Salesforce returns with the token
 */
public record Session(URI instanceUrl, String accessToken, String orgId) {

    @Override
    public String toString() {
        return "Session[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", accessToken=***]";
    }
}
