/**
 * The only code in Mosaic that speaks Salesforce HTTP. It knows nothing of tenants, the graph or the database:
 * it logs in, reads, and says of every failure what to do about it ({@link dev.mosaic.salesforce.client.Disposition}).
 *
 * <p>So far: login by refresh token (following refresh-token rotation), client credentials or JWT bearer, with a
 * single-flight re-login when the session expires, SOQL {@code query} and {@code queryAll} page by page, Bulk 2.0 queries read as streamed CSV,
 * composite calls of several GETs, describe, limits, and the API usage each answer reports; and the
 * authorization code flow with PKCE ({@link dev.mosaic.salesforce.client.AuthorizationCodeFlow}) that turns a
 * person's approval in the browser into a refresh token.
 */
package dev.mosaic.salesforce.client;
