package dev.mosaic.bench;

import dev.mosaic.bench.graphload.GraphLoadScenario;
import dev.mosaic.bench.identity.IdentityScenario;
import dev.mosaic.bench.sync.DisturbedSyncScenario;
import dev.mosaic.bench.sync.SoakScenario;
import dev.mosaic.bench.sync.SyncScenario;
import java.util.List;
import java.util.Optional;

/** Every scenario the bench jar runs, in the order the usage text lists them. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(new GraphLoadScenario(), SyncScenario.sync(), SyncScenario.views(), SyncScenario.incremental(), SyncScenario.cdc(),
                DisturbedSyncScenario.faults(), DisturbedSyncScenario.crash(), new SoakScenario(),
                new IdentityScenario(), new EmulatorScaleScenario());
    }

    static Optional<Scenario> named(String name) {
        return all().stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
