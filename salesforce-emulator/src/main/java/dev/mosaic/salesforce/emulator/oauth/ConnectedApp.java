package dev.mosaic.salesforce.emulator.oauth;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The one Connected App the emulated org knows: its consumer key and secret, the certificate (public key) that
 * JWT bearer assertions must be signed for, and its refresh token policy.
 *
 * @param rotatesRefreshTokens Salesforce's "Refresh Token Rotation": each refresh answers with a new refresh
 *                             token and the one used stops working
 */
public record ConnectedApp(String clientId, String clientSecret, Optional<PublicKey> jwtPublicKey,
                           boolean rotatesRefreshTokens) {

    @Override
    public String toString() {
        return "ConnectedApp[clientId=" + clientId + ", clientSecret=***, jwt=" + jwtPublicKey.isPresent()
                + ", rotatesRefreshTokens=" + rotatesRefreshTokens + "]";
    }
}
