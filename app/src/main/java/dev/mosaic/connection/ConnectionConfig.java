package dev.mosaic.connection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SalesforceSettings} from {@code mosaic.salesforce.*} ({@code MOSAIC_SALESFORCE_*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SalesforceSettings.class)
class ConnectionConfig {
}
