package dev.mosaic.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mosaic's settings for the db-scheduler Spring Boot starter, which builds the {@code Scheduler} bean
 * (also the {@code SchedulerClient}) from every {@code Task} bean, starts it once the app is ready and
 * stops it when the app shuts down. Polling, heartbeat and shutdown timings are the {@code db-scheduler.*}
 * properties in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class BackgroundJobsConfig {

    @Bean
    DbSchedulerCustomizer mosaicSchedulerCustomizer() {
        String name = instanceName();
        return new DbSchedulerCustomizer() {
            /** Host plus a per-start suffix: several instances on one host are told apart in picked_by. */
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }

            /** JSON task data: readable in the table, and no Java deserialization of stored bytes. */
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
