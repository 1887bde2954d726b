package dev.mosaic.tenant;

import static dev.mosaic.tenant.TenantTables.TENANT;
import static dev.mosaic.tenant.TenantTables.TENANT_ID;
import static dev.mosaic.tenant.TenantTables.TENANT_NAME;

import dev.mosaic.platform.errors.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Tenants: the isolation unit. Every row of every table belongs to exactly one. */
@Service
public class TenantService {

    public static final String DEFAULT_TENANT = "default";
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final DSLContext db;

    public TenantService(DSLContext db) {
        this.db = db;
    }

    /** Creates the tenant; returns false when it already existed (two instances may start at once). */
    public boolean create(String tenantId, String name) {
        requireValidId(tenantId);
        return db.insertInto(TENANT, TENANT_ID, TENANT_NAME)
                .values(tenantId, name)
                .onConflict(TENANT_ID).doNothing()
                .execute() == 1;
    }

    public Optional<String> name(String tenantId) {
        return db.select(TENANT_NAME).from(TENANT).where(TENANT_ID.eq(tenantId)).fetchOptional(TENANT_NAME);
    }

    public static boolean isValidId(String tenantId) {
        return tenantId != null && ID_FORMAT.matcher(tenantId).matches();
    }

    static void requireValidId(String tenantId) {
        if (!isValidId(tenantId)) {
            throw new InvalidInputException("A tenant id is 1 to 40 characters of a-z, 0-9 and '-', starting "
                    + "with a letter or digit; got '" + tenantId + "'");
        }
    }
}
