package dev.mosaic.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.tenant.TenantPrincipal.Role;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiAuthenticationTest extends MosaicIntegrationTest {

    private static String acmeToken;

    @BeforeAll
    static void secondTenant(@Autowired TenantService tenants, @Autowired UserService users,
                             @Autowired ApiTokenService tokens) {
        if (tenants.create("acme", "Acme Inc")) {
            TenantPrincipal acmeAdmin = users.create("acme", "Ops@Acme.example", "acme password", Role.ADMIN);
            acmeToken = tokens.issue(acmeAdmin, "test").value();
        }
    }

    @Test
    void meAnswersWhoTheTokenBelongsTo() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("tenant").asText()).isEqualTo("default");
        assertThat(json(response).path("email").asText()).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void eachTenantsTokenSeesOnlyItsOwnTenant() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", acmeToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("tenant").asText()).isEqualTo("acme");
        assertThat(json(response).path("email").asText()).isEqualTo("ops@acme.example");
    }

    @Test
    void missingTokenIsRefusedWithTheJsonErrorFormat() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(json(response).path("error").path("message").asText()).contains("Bearer");
    }

    @Test
    void wrongTokenIsRefused() throws Exception {
        assertThat(get("/api/v1/me", ADMIN_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "mosaic_nosuchtenant_abc").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherTenantsTokenPresentedAsThisTenantsIsRefused() throws Exception {
        String secretPart = acmeToken.substring("mosaic_acme_".length());

        HttpResponse<String> response = get("/api/v1/me", "mosaic_default_" + secretPart);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aMemberMayReadTheWorkspacesSettingsButNotChangeThem() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        String member = newMemberToken(admin.tenantId());

        HttpResponse<String> change = send("PUT", "/api/v1/settings/trusted-sources", member, "{\"sources\":[\"erp\"]}");
        HttpResponse<String> connect = send("POST", "/api/v1/connections/salesforce", member, "{}");

        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.body()).contains("Only a workspace admin");
        assertThat(connect.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/settings/trusted-sources", member).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/settings/trusted-sources", admin.token(), "{\"sources\":[\"erp\"]}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsNeedTheOperatorsToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", acmeToken).statusCode()).isEqualTo(403);

        HttpResponse<String> withToken = get("/actuator/prometheus", ADMIN_TOKEN);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownApiPathAnswersJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing", ADMIN_TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("not_found");
    }
}
