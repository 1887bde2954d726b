package dev.mosaic.bench.sync;

import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every sync scenario starts: the emulated org (options {@code seed}, {@code accounts}) and the app under test. */
final class EmulatedOrgAndApp {

    private EmulatedOrgAndApp() {
    }

    /** {@code --app-jar} and {@code --app-xmx}. */
    static List<OptionSpec> appOptions() {
        return List.of(
                OptionSpec.text("app-jar", "app/target/mosaic.jar", "the Mosaic jar to run"),
                OptionSpec.text("app-xmx", "512m", "the app's -Xmx; a run that needs more fails"));
    }

    /** The generated org, served on a free local port, with an API limit no run reaches. */
    static SalesforceEmulator emulator(ScenarioArguments arguments, Cleanup cleanup) {
        return cleanup.register("the emulator", SalesforceEmulator.builder().seed(arguments.integer("seed"))
                .accounts(arguments.positiveInt("accounts")).host("127.0.0.1").port(0).apiLimit(10_000_000).start());
    }

    /** Starts the app in {@code work}, allowed to reach the local emulator, with {@code environment} besides. */
    static MosaicApp startApp(ScenarioArguments arguments, Path work, Map<String, String> environment, String what,
                              Cleanup cleanup, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put("MOSAIC_SALESFORCE_ALLOWED_HOSTS", "127.0.0.1");
        return MosaicApp.start(new MosaicApp.Launch(Path.of(arguments.text("app-jar").orElseThrow()),
                arguments.text("app-xmx").orElseThrow(), work, all), out, started -> cleanup.register(what, started));
    }
}
