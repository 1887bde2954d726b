package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.MosaicApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Mosaic killed in the middle of a background job leaves that job marked as taken by a process that is gone. On
 * its own embedded database nobody else can be running it, so the next start goes on with it at once, not after the
 * minute of missed heartbeats a cluster needs to tell a dead instance from a slow one.
 */
class RestartAfterCrashTest {

    private static final String DEAD = "the-killed-mosaic";

    @TempDir
    Path dataDir;

    @Test
    void aJobTheKilledRunHadTakenGoesOnAsSoonAsMosaicIsUpAgain() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSuccess(first) != null);
        }
        // What SIGKILL leaves: the execution taken, by a process that will never beat its heart again.
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir); Connection db = connect(database);
             PreparedStatement taken = db.prepareStatement("update scheduled_tasks set picked = true, picked_by = ?, "
                     + "last_heartbeat = now(), execution_time = now() where task_name = 'graph-figures'")) {
            taken.setString(1, DEAD);
            assertThat(taken.executeUpdate()).isEqualTo(1);
        }

        Instant restarted = Instant.now();
        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lastSuccess(second) != null && lastSuccess(second).isAfter(restarted));
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(MosaicApplication.class, "--server.port=0", "--mosaic.data-dir=" + dataDir);
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", EmbeddedDatabase.USER);
        credentials.setProperty("password", database.password());
        return DriverManager.getConnection(database.jdbcUrl(), credentials);
    }

    private static Instant lastSuccess(ConfigurableApplicationContext app) throws SQLException {
        try (Connection db = app.getBean(DataSource.class).getConnection();
             ResultSet row = db.createStatement().executeQuery(
                     "select last_success from scheduled_tasks where task_name = 'graph-figures'")) {
            return row.next() && row.getTimestamp(1) != null ? row.getTimestamp(1).toInstant() : null;
        }
    }
}
