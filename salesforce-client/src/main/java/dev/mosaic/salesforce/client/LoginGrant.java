package dev.mosaic.salesforce.client;

import java.net.URI;
import java.util.Map;

/** How a client logs in to an org: one of Salesforce's OAuth flows for a server with no person at hand. */
public sealed interface LoginGrant permits RefreshTokenCredentials, ClientCredentialsGrant, JwtBearerGrant {

    /** {@code https://login.salesforce.com}, {@code https://test.salesforce.com}, a My Domain, or an emulator. */
    URI loginUrl();

    String clientId();

    /** The flow's name for messages ({@code "refresh token"}): never a secret. */
    String flow();

    /** The token request's form, made anew for each login (a JWT assertion lives three minutes). */
    Map<String, String> form();
}
