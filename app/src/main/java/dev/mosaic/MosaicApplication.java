package dev.mosaic;

import dev.mosaic.platform.config.MosaicProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Starts Mosaic. {@code mosaic} runs the service; {@code mosaic demo} runs it with a Salesforce
 * emulator, already connected and syncing (see {@link DemoMode}).
 */
// Spring's fallback in-memory user would print a generated password to the log at every start; Mosaic signs
// people in with its own providers (a workspace login form, API tokens) and has no use for it.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(MosaicProperties.class)
public class MosaicApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(MosaicApplication.class);
        String[] springArgs = DemoMode.apply(app, args);
        app.run(springArgs);
    }
}
