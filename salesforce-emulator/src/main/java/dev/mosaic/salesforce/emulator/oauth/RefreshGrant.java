package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.org.OrgUser;

/** A refresh token: who approved which app for which scope. */
public record RefreshGrant(String refreshToken, OrgUser user, String clientId, String scope) {

    @Override
    public String toString() {
        return "RefreshGrant[user=" + user.username() + ", clientId=" + clientId + ", scope=" + scope + "]";
    }
}
