package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.MosaicIntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mosaic's connections to the database it was given (the external one when a test server answers). */
class DatabaseConnectionsTest extends MosaicIntegrationTest {

    @Autowired
    private DSLContext db;

    @Test
    void runWithoutJitSinceMosaicsQueriesAreShort() {
        assertThat(db.fetchValue("show jit")).isEqualTo("off");
    }
}
