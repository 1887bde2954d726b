package dev.mosaic.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mosaic.platform.config.MosaicProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is Mosaic's only database. With {@code MOSAIC_DB_URL} set it is that server; without,
 * Mosaic runs its own embedded PostgreSQL under {@code MOSAIC_DATA_DIR}, so the first command works on
 * a machine that has only Java.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    static final java.time.Duration CONNECTION_WAIT = java.time.Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(MosaicProperties properties) {
        if (properties.db().external()) {
            return EmbeddedDatabase.none();
        }
        return EmbeddedDatabase.start(properties.dataDir());
    }

    /** Depends on the embedded database, so Spring closes the pool before it stops that database. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(MosaicProperties properties, EmbeddedDatabase embedded) {
        MosaicProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("mosaic");
        config.setMaximumPoolSize(16);
        // Hikari's default is to hold a request 30 s for a connection. When the database is away, a clear 503 in a
        // few seconds (DatabaseOutageFilter) serves a person, a script and a health probe better than a long hang.
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        // Mosaic's queries are short and many; PostgreSQL's JIT would spend 100+ ms compiling a large plan that
        // then runs in a few. A plan made for the values at hand (a search term, a chunk's arrays) costs a
        // millisecond to make, where a generic plan reused for every value can be far slower: a search for a
        // rare name and one for a common syllable need different plans. An "options" parameter in
        // MOSAIC_DB_URL takes precedence over this one.
        config.addDataSourceProperty("options", "-c jit=off -c plan_cache_mode=force_custom_plan");
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
            config.setPassword(embedded.password());
        }
        return new HikariDataSource(config);
    }
}
