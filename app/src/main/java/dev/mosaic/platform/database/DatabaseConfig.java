package dev.mosaic.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mosaic.platform.config.MosaicProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is Mosaic's only database. With {@code MOSAIC_DB_URL} set it is that server; without,
 * Mosaic runs its own embedded PostgreSQL under {@code MOSAIC_DATA_DIR}, so the first command works on
 * a machine that has only Java.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(MosaicProperties properties) {
        if (properties.db().external()) {
            return EmbeddedDatabase.none();
        }
        return EmbeddedDatabase.start(properties.dataDir().resolve("postgres"));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(MosaicProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        MosaicProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("mosaic");
        config.setMaximumPoolSize(16);
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            EmbeddedDatabase database = embedded.getObject();
            config.setJdbcUrl(database.jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
        }
        return new HikariDataSource(config);
    }
}
