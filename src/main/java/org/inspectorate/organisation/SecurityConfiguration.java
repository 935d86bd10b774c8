package org.inspectorate.organisation;

import org.inspectorate.system.StreamedUploadPath;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the REST API ({@code /api/**}) is stateless and authenticated by personal API
 * tokens; the pages use form sign-in with a session, CSRF tokens and a strict content security policy.
 * Page sign-in goes through stages ({@link SignInFlow}): only a user past every stage holds their roles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // command-line runs (e.g. --inspectorate.audit.verify) have no web server to secure
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere: every script and stylesheet is a file served by us. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI (springdoc's bundled files, not ours) sets inline styles from its script, so its own pages get a
     * policy that allows inline style and nothing else beyond the strict one: scripts stay files from our origin.
     */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    /** The public API documentation: the OpenAPI document and Swagger UI showing it. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable()) // read-only pages without forms; "try it out" calls /api/** with a bearer token
                .headers(h -> hardenedHeaders(h, SWAGGER_UI_CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, MessageSource messages) throws Exception {
        ApiTokenAuthentication bearer = new ApiTokenAuthentication(tokens, messages);
        // The metrics are scraped the way the API is called: with a bearer token (of a system or audit administrator).
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.AUDIT_ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by the browser on its own: no cross-site request can carry them.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(bearer))
                .headers(h -> hardenedHeaders(h, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SignInFlow signIn, SignInThrottling throttling,
            ObjectProvider<StreamedUploadPath> streamed) throws Exception {
        // A streamed upload's token is a part of the body, which this filter must not parse (it would buffer the
        // file): its controller checks the token itself before reading the file (see StreamedUploadPath).
        RequestMatcher[] streamedUploads = streamed.orderedStream()
                .map(p -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p.path()))
                .toArray(RequestMatcher[]::new);
        http.csrf(c -> c.ignoringRequestMatchers(streamedUploads).csrfTokenRepository(new SessionOrCookieCsrfTokens()))
                // Nothing is saved for after sign-in (each stage has its own page): no session for an anonymous visit.
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/error", "/actuator/health/**").permitAll()
                        // The sign-in stages: a partly signed-in user holds one stage authority and no role.
                        .requestMatchers("/mfa", "/mfa/skip").hasAuthority(SignInPolicy.Stage.MFA_PENDING.authority())
                        .requestMatchers("/mfa/enrol").access(anyOf(
                                stage(SignInPolicy.Stage.MFA_PENDING), stage(SignInPolicy.Stage.COMPLETE)))
                        .requestMatchers("/account/password").access(anyOf(
                                stage(SignInPolicy.Stage.PASSWORD_CHANGE_REQUIRED), stage(SignInPolicy.Stage.COMPLETE)))
                        .requestMatchers("/actuator/**").hasRole(Role.AUDIT_ADMIN.name())
                        .anyRequest().access(stage(SignInPolicy.Stage.COMPLETE)))
                .formLogin(f -> f.loginPage("/login").successHandler(signIn).failureHandler(signIn).permitAll())
                // a sign-in that must still wait is refused before its password is checked
                .addFilterBefore(new SignInThrottleFilter(throttling), UsernamePasswordAuthenticationFilter.class)
                .securityContext(c -> c.securityContextRepository(signIn.securityContextRepository()))
                .exceptionHandling(e -> e.accessDeniedHandler(signIn))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("INSPECTORATE_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> hardenedHeaders(h, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    /** Signed in (not anonymous) and at {@code stage} of signing in; {@code COMPLETE} means every role in force. */
    static AuthorizationManager<RequestAuthorizationContext> stage(SignInPolicy.Stage stage) {
        return (authentication, context) -> {
            Authentication a = authentication.get();
            return new AuthorizationDecision(a != null && a.isAuthenticated()
                    && !(a instanceof AnonymousAuthenticationToken) && SignInFlow.stageOf(a) == stage);
        };
    }

    @SafeVarargs
    private static AuthorizationManager<RequestAuthorizationContext> anyOf(
            AuthorizationManager<RequestAuthorizationContext>... managers) {
        return (authentication, context) -> {
            for (AuthorizationManager<RequestAuthorizationContext> m : managers) {
                if (m.authorize(authentication, context).isGranted()) {
                    return new AuthorizationDecision(true);
                }
            }
            return new AuthorizationDecision(false);
        };
    }

    private static void hardenedHeaders(
            HeadersConfigurer<HttpSecurity> h,
            String contentSecurityPolicy) {
        h.contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
