package dev.mosaic.connection;

import dev.mosaic.platform.errors.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which hosts Mosaic will send credentials to. Salesforce's own over HTTPS ({@code login.salesforce.com},
 * {@code test.salesforce.com}, My Domains and instances under {@code .salesforce.com}, as the user's guide has
 * admins use {@code https://<instance>.salesforce.com}), and the hosts an operator
 * lists in {@code MOSAIC_SALESFORCE_ALLOWED_HOSTS} (an emulator on {@code 127.0.0.1}). Anything else is refused
 * before a single request is made, so a connection form cannot be used to make Mosaic call into its own network.
 */
@Component
public class LoginHosts {

    private static final String LOGIN_SUFFIX = ".salesforce.com";
    /** Instance hosts of orgs without a My Domain (na1.salesforce.com) and of Experience sites. */
    private static final List<String> INSTANCE_SUFFIXES = List.of(".salesforce.com", ".force.com");

    private final Set<String> extraHosts;

    public LoginHosts(SalesforceSettings settings) {
        this.extraHosts = settings.allowedHosts().stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The login URL as Mosaic will use it ({@code scheme://host[:port]}), or an {@link InvalidInputException}
     * saying why it is refused. Blank means production's {@code https://login.salesforce.com}.
     */
    public URI loginUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return URI.create("https://login.salesforce.com");
        }
        URI url = parse(raw.trim(), "loginUrl");
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean salesforce = isSalesforceLogin(host);
        requireAllowed(url, host, salesforce, "loginUrl", "https://login.salesforce.com (production), "
                + "https://test.salesforce.com (sandbox) or your My Domain (https://yourcompany.my.salesforce.com)");
        return origin(url);
    }

    /**
     * A Pub/Sub API endpoint as Mosaic will use it ({@code host:port}), or null when none is given: Salesforce's own
     * ({@code api.pubsub.salesforce.com:7443}, {@code api.deu.pubsub.salesforce.com:443}…) or a listed host's.
     */
    public String pubsubEndpoint(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String endpoint = raw.trim();
        int colon = endpoint.lastIndexOf(':');
        String host = colon > 0 ? endpoint.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String port = colon > 0 ? endpoint.substring(colon + 1) : "";
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new InvalidInputException("pubsubEndpoint must be host:port, such as api.pubsub.salesforce.com:7443");
        }
        if (!isSalesforcePubSub(host) && !extraHosts.contains(host)) {
            throw new InvalidInputException("pubsubEndpoint " + host + " is not Salesforce's Pub/Sub API; use "
                    + "api.pubsub.salesforce.com:7443. An operator can allow other hosts with MOSAIC_SALESFORCE_ALLOWED_HOSTS");
        }
        return host + ":" + port;
    }

    /** Salesforce's own login hosts (production, sandboxes, My Domains). */
    public static boolean isSalesforceLogin(String host) {
        return host.toLowerCase(Locale.ROOT).endsWith(LOGIN_SUFFIX);
    }

    /** Salesforce's Pub/Sub hosts, which speak TLS; the hosts an operator lists (an emulator) may not. */
    public static boolean isSalesforcePubSub(String host) {
        return host.endsWith(".pubsub.salesforce.com");
    }

    /** The instance URL a login answered with, held to the same rules (Salesforce's instance hosts or listed ones). */
    public URI instanceUrl(String raw) {
        URI url = parse(raw, "instance URL");
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean salesforce = INSTANCE_SUFFIXES.stream().anyMatch(host::endsWith);
        requireAllowed(url, host, salesforce, "the instance URL the login answered with", "a Salesforce instance");
        return origin(url);
    }

    private void requireAllowed(URI url, String host, boolean salesforce, String what, String expected) {
        if (salesforce && "https".equals(url.getScheme())) {
            return;
        }
        if (extraHosts.contains(host)) {
            return;
        }
        if (salesforce) {
            throw new InvalidInputException(what + " must use https: " + url.getScheme() + "://" + host);
        }
        throw new InvalidInputException(what + " " + host + " is not a Salesforce login host; use " + expected
                + ". An operator can allow other hosts with MOSAIC_SALESFORCE_ALLOWED_HOSTS");
    }

    private static URI parse(String raw, String what) {
        URI url;
        try {
            url = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(what + " is not a URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new InvalidInputException(what + " must start with https://");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new InvalidInputException(what + " must name a host, with no user name or password in it");
        }
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new InvalidInputException(what + " is the host only, such as https://login.salesforce.com, with no path");
        }
        return url;
    }

    private static URI origin(URI url) {
        return URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT)
                + (url.getPort() < 0 ? "" : ":" + url.getPort()));
    }
}
