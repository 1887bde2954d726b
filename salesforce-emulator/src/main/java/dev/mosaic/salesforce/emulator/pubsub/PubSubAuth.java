package dev.mosaic.salesforce.emulator.pubsub;

import dev.mosaic.salesforce.emulator.oauth.TokenStore;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Every Pub/Sub call carries the metadata {@code accesstoken} (a live session of the org), {@code instanceurl} and
 * {@code tenantid} (the org id); a call without them, or with a token or org the emulator does not know, ends at once
 * with {@code UNAUTHENTICATED}.
 */
final class PubSubAuth implements ServerInterceptor {

    static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);

    private final TokenStore tokens;
    private final String orgId;

    PubSubAuth(TokenStore tokens, String orgId) {
        this.tokens = tokens;
        this.orgId = orgId;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String token = headers.get(ACCESS_TOKEN);
        String tenant = headers.get(TENANT_ID);
        StatusRuntimeException refused = null;
        if (token == null || tenant == null || headers.get(INSTANCE_URL) == null) {
            refused = PubSubErrors.error(Status.UNAUTHENTICATED, "service.auth.headers.invalid",
                    "The accesstoken, instanceurl and tenantid headers are required.");
        } else if (!orgId.equals(tenant) || tokens.session(token).isEmpty()) {
            refused = PubSubErrors.error(Status.UNAUTHENTICATED, "service.auth.error",
                    "The access token is invalid or expired, or does not belong to this org.");
        }
        if (refused != null) {
            call.close(refused.getStatus(), refused.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }
}
