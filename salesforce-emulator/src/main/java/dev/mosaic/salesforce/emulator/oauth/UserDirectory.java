package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Who can sign in: the org's admin user under the configured username (or its own), and the
 * restricted user under its own username. Both share the configured password.
 */
public final class UserDirectory {
    private final Org org;
    private final String adminUsername;
    private final String password;

    public UserDirectory(Org org, String adminUsername, String password) {
        this.org = org;
        this.adminUsername = adminUsername;
        this.password = password;
    }

    public Optional<OrgUser> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        OrgUser admin = org.adminUser();
        if (username.equalsIgnoreCase(adminUsername) || username.equalsIgnoreCase(admin.username())) {
            return Optional.of(admin);
        }
        OrgUser restricted = org.restrictedUser();
        if (username.equalsIgnoreCase(restricted.username())) {
            return Optional.of(restricted);
        }
        return Optional.empty();
    }

    public Optional<OrgUser> byId(String userId) {
        return users().stream().filter(u -> u.id().equals(userId)).findFirst();
    }

    /** Checks a username and password; Salesforce also accepts the password followed by a security token, which we do not issue. */
    public Optional<OrgUser> authenticate(String username, String candidatePassword) {
        if (candidatePassword == null) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(candidatePassword.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return matches ? byUsername(username) : Optional.empty();
    }

    /** The name the admin signs in with (the configured one, which may differ from the org's own). */
    public String loginName(OrgUser user) {
        return user.id().equals(org.adminUser().id()) ? adminUsername : user.username();
    }

    private List<OrgUser> users() {
        return List.of(org.adminUser(), org.restrictedUser());
    }
}
