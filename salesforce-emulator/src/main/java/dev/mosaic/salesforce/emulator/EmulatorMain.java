package dev.mosaic.salesforce.emulator;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar salesforce-emulator.jar [options]}: runs the emulator until the process is stopped. */
public final class EmulatorMain {
    static final int EXIT_USAGE = 2;

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(EmulatorArguments.USAGE);
            return;
        }
        SalesforceEmulator.Builder builder;
        try {
            builder = EmulatorArguments.parse(args);
        } catch (EmulatorArguments.UsageError e) {
            System.err.println("salesforce-emulator: " + e.getMessage());
            System.err.println(EmulatorArguments.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        SalesforceEmulator emulator;
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            System.err.println("salesforce-emulator: cannot start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "salesforce-emulator-shutdown"));
        System.out.println(emulator.readyLine());
        System.out.flush();
        stopped.await();
    }
}
