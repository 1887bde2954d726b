package dev.mosaic.tenant;

import dev.mosaic.platform.config.MosaicProperties;
import dev.mosaic.tenant.TenantPrincipal.Role;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database: tenant {@code default} and its admin, from
 * {@code MOSAIC_ADMIN_EMAIL}, {@code MOSAIC_ADMIN_PASSWORD} and {@code MOSAIC_ADMIN_TOKEN}. Values that
 * were not given are generated and printed once to the console (never to the log), since nobody could
 * sign in otherwise; later starts find the tenant and print nothing.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MosaicProperties properties;
    private final TenantService tenants;
    private final UserService users;
    private final ApiTokenService tokens;
    private final TransactionTemplate transaction;
    private final PrintStream console;

    AdminBootstrap(MosaicProperties properties, TenantService tenants, UserService users, ApiTokenService tokens,
                   TransactionTemplate transaction) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.tokens = tokens;
        this.transaction = transaction;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        MosaicProperties.Admin admin = properties.admin();
        String password = isBlank(admin.password()) ? randomSecret(18) : admin.password();
        String token = isBlank(admin.token()) ? null : admin.token();
        String issued = transaction.execute(status -> {
            if (!tenants.create(TenantService.DEFAULT_TENANT, "Default")) {
                return null;
            }
            TenantPrincipal owner = users.create(TenantService.DEFAULT_TENANT, admin.email(), password, Role.ADMIN);
            if (token != null) {
                tokens.register(owner, "MOSAIC_ADMIN_TOKEN", token);
                return token;
            }
            return tokens.issue(owner, "first admin token").value();
        });
        if (issued != null) {
            printOnce(admin, password, issued);
        }
    }

    private void printOnce(MosaicProperties.Admin admin, String password, String token) {
        StringBuilder text = new StringBuilder()
                .append("\n================ Mosaic: first start ================\n")
                .append("Created tenant 'default' and its admin ").append(admin.email()).append('\n');
        if (isBlank(admin.password())) {
            text.append("  admin password: ").append(password).append('\n');
        }
        if (isBlank(admin.token())) {
            text.append("  API token:      ").append(token).append('\n');
        }
        if (isBlank(admin.password()) || isBlank(admin.token())) {
            text.append("These generated values are shown only now. Keep them somewhere safe.\n");
        }
        text.append("=====================================================\n");
        console.print(text);
        console.flush();
    }

    private static String randomSecret(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
