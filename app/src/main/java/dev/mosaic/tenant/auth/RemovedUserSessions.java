package dev.mosaic.tenant.auth;

import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the browser sessions of a person an admin removed: the session remembers who signed in, so each page asks
 * whether they still belong to the workspace (one lookup by key) and, when not, forgets them; the page then asks for
 * a sign-in like any other.
 */
final class RemovedUserSessions extends OncePerRequestFilter {

    private final UserService users;

    RemovedUserSessions(UserService users) {
        this.users = users;
    }

    /** Stylesheets and scripts a page loads show nothing of the workspace: the page itself was checked. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal
                && !users.isActive(principal.tenantId(), principal.userId())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
