package dev.mosaic.tenant.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.platform.http.ApiError;
import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import java.time.Clock;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors: the REST API and the metrics endpoint take {@code Authorization: Bearer <token>} and no
 * session (so no CSRF); the web UI takes a login form, a session cookie and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, upgradeable later: stored hashes carry their algorithm id.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The API's description: for scripts with a token, and for a signed-in person reading the API page. */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsChain(HttpSecurity http, ApiTokenService tokens, ObjectMapper json) throws Exception {
        return http
                .securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> ApiError.of(
                        "unauthorized", "Sign in, or send a valid API token as 'Authorization: Bearer <token>'.")
                        .write(response, HttpStatus.UNAUTHORIZED, json)))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, ObjectMapper json) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Metrics cover every tenant: only the operator (an admin of the default tenant) reads them.
                        .requestMatchers("/actuator/**").hasRole(ApiTokenFilter.OPERATOR)
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ApiError.of("unauthorized",
                                "Send a valid API token as 'Authorization: Bearer <token>'.")
                                .write(response, HttpStatus.UNAUTHORIZED, json))
                        .accessDeniedHandler((request, response, e) -> ApiError.of("forbidden",
                                "This token may not do that.").write(response, HttpStatus.FORBIDDEN, json)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserService users, Clock clock) throws Exception {
        return http
                .authenticationManager(new ProviderManager(new WorkspaceLoginProvider(users, new LoginThrottle(clock))))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(WorkspaceLoginProvider.Details::new)
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new RemovedUserSessions(users), SecurityContextHolderFilter.class)
                // Only Mosaic's own scripts and styles run in its pages, and no other site may frame them. Style
                // attributes are allowed: progress bars set their width. Forms are not limited to this origin,
                // since "Connect with Salesforce" answers a form with a redirect to Salesforce's login page.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
