package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.MosaicApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Mosaic as a new user runs it, on its own embedded PostgreSQL: durable, password-protected, and working. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseAppTest {

    private static final String TOKEN = "mosaic_default_embedded-database-app-test-token";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void startMosaic() {
        app = SpringApplication.run(MosaicApplication.class, "--server.port=0", "--mosaic.data-dir=" + dataDir,
                "--mosaic.admin.token=" + TOKEN);
    }

    @AfterAll
    static void stopMosaic() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void servesItsApiFromTheEmbeddedDatabase() throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> me = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                        .header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("admin@mosaic.local");
    }

    @Test
    void commitsDurablyAndWithoutJit() throws Exception {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
        assertThat(show("jit")).isEqualTo("off");
    }

    /** PostgreSQL's own defaults (128 MB of buffers, a checkpoint per GB of WAL) are too small for a million records. */
    @Test
    void sizesItsBuffersToTheMachine() throws Exception {
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long expectedMb = Math.max(128, Math.min(4096, memory / 4 / (1024 * 1024)));
        assertThat(show("shared_buffers")).isEqualTo(expectedMb % 1024 == 0 ? expectedMb / 1024 + "GB" : expectedMb + "MB");
        assertThat(show("max_wal_size")).isEqualTo("4GB");
    }

    @Test
    void letsNobodyInWithoutThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        EmbeddedDatabase database = app.getBean(EmbeddedDatabase.class);
        Path passwordFile = dataDir.resolve("db-password");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    @Test
    void aSecondMosaicOnTheSameDataDirectoryIsRefusedWithAClearMessage(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(MosaicApplication.class, "--server.port=0",
                "--mosaic.data-dir=" + dataDir)).hasRootCauseInstanceOf(DataDirectoryInUseException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Another Mosaic (process " + ProcessHandle.current().pid() + ") is running with the data"
                        + " directory " + dataDir.toAbsolutePath())
                .contains("set MOSAIC_DATA_DIR to another directory");
    }

    private static String show(String setting) throws SQLException {
        try (Connection connection = app.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
