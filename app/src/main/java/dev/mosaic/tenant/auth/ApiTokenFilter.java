package dev.mosaic.tenant.auth;

import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.TenantPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns {@code Authorization: Bearer <token>} into the tenant principal; anything else stays anonymous. */
final class ApiTokenFilter extends OncePerRequestFilter {

    static final String OPERATOR = "OPERATOR";
    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;

    ApiTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            tokens.authenticate(header.substring(BEARER.length()).trim())
                    .ifPresent(principal -> SecurityContextHolder.getContext().setAuthentication(authenticated(principal)));
        }
        chain.doFilter(request, response);
    }

    static UsernamePasswordAuthenticationToken authenticated(TenantPrincipal principal) {
        List<SimpleGrantedAuthority> roles = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        if (principal.isOperator()) {
            roles.add(new SimpleGrantedAuthority("ROLE_" + OPERATOR));
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, roles);
    }
}
