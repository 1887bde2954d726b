package dev.mosaic.platform.database;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Mosaic reduced to its embedded database, run in a child JVM by tests that kill it the way an operator or
 * the OS would. Prints {@code READY <jdbc url>} once the database answers, then runs until it is stopped.
 */
public final class EmbeddedDatabaseProcess {

    private EmbeddedDatabaseProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        System.out.println("READY " + database.jdbcUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
