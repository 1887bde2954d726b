package dev.mosaic.tenant.auth;

import dev.mosaic.tenant.TenantService;
import dev.mosaic.tenant.UserService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's check: workspace (tenant), email and password. One message for every failure, so the
 * form never tells a stranger which workspaces or emails exist.
 */
final class WorkspaceLoginProvider implements AuthenticationProvider {

    private final UserService users;

    WorkspaceLoginProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String workspace = login.getDetails() instanceof Details details ? details.workspace : TenantService.DEFAULT_TENANT;
        String password = String.valueOf(login.getCredentials());
        if (!TenantService.isValidId(workspace)) {
            throw new BadCredentialsException("Wrong workspace, email or password");
        }
        return users.verifyPassword(workspace, login.getName(), password)
                .map(ApiTokenFilter::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Wrong workspace, email or password"));
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
