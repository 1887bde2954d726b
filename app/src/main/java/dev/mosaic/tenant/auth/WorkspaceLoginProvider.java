package dev.mosaic.tenant.auth;

import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.TenantService;
import dev.mosaic.tenant.UserService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's check: workspace (tenant), email and password. One message for every failure, so the
 * form never tells a stranger which workspaces or emails exist; repeated failures are throttled ({@link LoginThrottle}).
 */
final class WorkspaceLoginProvider implements AuthenticationProvider {

    private final UserService users;
    private final LoginThrottle throttle;

    WorkspaceLoginProvider(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        Details details = login.getDetails() instanceof Details form ? form : null;
        String workspace = details == null ? TenantService.DEFAULT_TENANT : details.workspace;
        String address = details == null || details.getRemoteAddress() == null ? "" : details.getRemoteAddress();
        String account = workspace + "/" + String.valueOf(login.getName()).trim().toLowerCase(Locale.ROOT);
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            throw new LockedException("Too many failed sign-ins: try again in " + Math.max(1, wait.toMinutes() + 1)
                    + " minutes");
        }
        String password = String.valueOf(login.getCredentials());
        Optional<TenantPrincipal> user = TenantService.isValidId(workspace)
                ? users.verifyPassword(workspace, login.getName(), password) : Optional.empty();
        if (user.isEmpty()) {
            throttle.failed(account, address);
            throw new BadCredentialsException("Wrong workspace, email or password");
        }
        throttle.succeeded(account);
        return ApiTokenFilter.authenticated(user.get());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The form's {@code workspace} field, blank meaning the default tenant. */
    static final class Details extends WebAuthenticationDetails {
        final String workspace;

        Details(HttpServletRequest request) {
            super(request);
            String value = request.getParameter("workspace");
            this.workspace = value == null || value.isBlank() ? TenantService.DEFAULT_TENANT : value.trim().toLowerCase();
        }
    }
}
