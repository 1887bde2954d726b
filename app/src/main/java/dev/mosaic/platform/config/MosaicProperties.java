package dev.mosaic.platform.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mosaic's settings, bound from environment variables ({@code MOSAIC_DATA_DIR},
 * {@code MOSAIC_DB_URL}, {@code MOSAIC_ADMIN_EMAIL}, …) through Spring's relaxed binding.
 *
 * @param secretKey {@code MOSAIC_SECRET_KEY}: the AES key (base64) that seals secrets at rest; blank for a key
 *                  generated once into the data directory
 */
@ConfigurationProperties("mosaic")
public record MosaicProperties(
        @DefaultValue("./mosaic-data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Admin admin,
        String secretKey) {

    /** An external PostgreSQL; when {@code url} is blank, Mosaic runs its own embedded one. */
    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            // A JDBC URL may carry a password parameter, so only its start is shown.
            String shown = url == null ? null : url.replaceAll("\\?.*", "?…");
            return "Db[url=" + shown + ", user=" + user + ", password=***]";
        }
    }

    /** The first admin, created on the first start of an empty database; blank values are generated. */
    public record Admin(@DefaultValue("admin@mosaic.local") String email, String password, String token) {
        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=***, token=***]";
        }
    }

    @Override
    public String toString() {
        return "MosaicProperties[dataDir=" + dataDir + ", db=" + db + ", admin=" + admin + ", secretKey="
                + (secretKey == null || secretKey.isBlank() ? "(key file)" : "***") + "]";
    }
}
