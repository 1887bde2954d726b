package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.mosaic.salesforce.emulator.Http.V;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real entry point in a child JVM, as others' scripts do. */
class EmulatorMainTest {

    @Test
    void printsOneReadyLineWithGivenAndGeneratedCredentials() throws Exception {
        Process process = start("--port", "0", "--seed", "4", "--accounts", "5", "--client-id", "my-app",
                "--refresh-token", "5Aep861given", "--api-limit", "500");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("EMULATOR READY {");
            JsonNode ready = Http.json(line.substring("EMULATOR READY ".length()));
            assertThat(TokenEndpointTest.fieldNames(ready))
                    .containsExactly("baseUrl", "clientId", "clientSecret", "refreshToken", "username", "password", "orgId",
                            "pubsubUrl");
            assertThat(ready.get("baseUrl").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(ready.get("clientId").asText()).isEqualTo("my-app");
            assertThat(ready.get("refreshToken").asText()).isEqualTo("5Aep861given");
            assertThat(ready.get("clientSecret").asText()).isNotBlank();
            assertThat(ready.get("orgId").asText()).startsWith("00D").hasSize(18);
            assertThat(ready.get("pubsubUrl").asText()).matches("127\\.0\\.0\\.1:\\d+");

            Http http = new Http(ready.get("baseUrl").asText());
            String token = http.login(new EmulatorCredentials(ready.get("clientId").asText(), ready.get("clientSecret").asText(),
                    ready.get("refreshToken").asText(), ready.get("username").asText(), ready.get("password").asText()));
            assertThat(http.get(V + "/limits", token).headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/500");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badArgumentsExitWithCode2AndUsage() throws Exception {
        for (List<String> args : List.of(List.of("--port", "nope"), List.of("--frobnicate"), List.of("--seed"))) {
            Process process = start(args.toArray(String[]::new));
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err).contains("Usage: java -jar salesforce-emulator.jar");
        }
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmulatorMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
