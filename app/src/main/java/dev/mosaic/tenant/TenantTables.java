package dev.mosaic.tenant;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The tenant feature's tables. Only this package touches them; others call its services. */
final class TenantTables {

    static final Table<Record> TENANT = table(name("tenant"));
    static final Field<String> TENANT_ID = field(name("tenant", "tenant_id"), String.class);
    static final Field<String> TENANT_NAME = field(name("tenant", "name"), String.class);

    static final Table<Record> APP_USER = table(name("app_user"));
    static final Field<String> USER_TENANT_ID = field(name("app_user", "tenant_id"), String.class);
    static final Field<UUID> USER_ID = field(name("app_user", "user_id"), UUID.class);
    static final Field<String> USER_EMAIL = field(name("app_user", "email"), String.class);
    static final Field<String> USER_PASSWORD_HASH = field(name("app_user", "password_hash"), String.class);
    static final Field<String> USER_ROLE = field(name("app_user", "role"), String.class);

    static final Table<Record> API_TOKEN = table(name("api_token"));
    static final Field<String> TOKEN_TENANT_ID = field(name("api_token", "tenant_id"), String.class);
    static final Field<UUID> TOKEN_ID = field(name("api_token", "token_id"), UUID.class);
    static final Field<UUID> TOKEN_USER_ID = field(name("api_token", "user_id"), UUID.class);
    static final Field<String> TOKEN_HASH = field(name("api_token", "token_hash"), String.class);
    static final Field<String> TOKEN_NAME = field(name("api_token", "name"), String.class);
    static final Field<OffsetDateTime> TOKEN_CREATED_AT = field(name("api_token", "created_at"),
            OffsetDateTime.class);
    static final Field<OffsetDateTime> TOKEN_LAST_USED_AT = field(name("api_token", "last_used_at"),
            OffsetDateTime.class);
    static final Field<OffsetDateTime> USER_CREATED_AT = field(name("app_user", "created_at"),
            OffsetDateTime.class);

    private TenantTables() {
    }
}
