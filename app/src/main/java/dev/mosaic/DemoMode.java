package dev.mosaic;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;

/**
 * The {@code demo} subcommand. The Salesforce emulator and the sync it feeds arrive with their own
 * issues; until then {@code demo} runs the plain service and says so, so the command users learn
 * first already works.
 */
final class DemoMode {

    static final String COMMAND = "demo";

    private DemoMode() {
    }

    /** Strips the subcommand from the arguments and switches the demo profile on when it was given. */
    static String[] apply(SpringApplication app, String[] args) {
        if (args.length == 0 || !COMMAND.equals(args[0])) {
            return args;
        }
        app.setAdditionalProfiles("demo");
        System.out.println("Mosaic demo: the Salesforce emulator is not part of this build yet; "
                + "starting the plain service with embedded PostgreSQL.");
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
