package dev.mosaic.salesforce.emulator.oauth;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The one Connected App the emulated org knows: its consumer key and secret, and the certificate
 * (public key) that JWT bearer assertions must be signed for.
 */
public record ConnectedApp(String clientId, String clientSecret, Optional<PublicKey> jwtPublicKey) {

    @Override
    public String toString() {
        return "ConnectedApp[clientId=" + clientId + ", clientSecret=***, jwt=" + jwtPublicKey.isPresent() + "]";
    }
}
