package dev.mosaic.bench;

import java.io.PrintStream;
import java.util.List;

/** {@code emulator-scale}: the Salesforce emulator's million-record org in memory; see {@link EmulatorScaleBench}. */
public final class EmulatorScaleScenario implements Scenario {

    @Override
    public String name() {
        return "emulator-scale";
    }

    @Override
    public String description() {
        return "generate a seeded Salesforce org in the emulator (about 36 records per account), its heap and query times";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("accounts", 28_000, "accounts to generate; 28,000 give about a million records"));
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) {
        return EmulatorScaleBench.run(arguments.positiveInt("accounts"), out);
    }
}
