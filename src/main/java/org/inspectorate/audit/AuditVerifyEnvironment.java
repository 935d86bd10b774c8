package org.inspectorate.audit;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For the verification command ({@code --inspectorate.audit.verify}) the application starts without a
 * web server, so it can run beside a live node and exits when done. Registered in
 * {@code META-INF/spring.factories}: it must act before the application type is decided.
 *
 * <p>The documented flag has no value, which Spring reads as the empty string; beans that ask for it as
 * a boolean (a read-only run skips start-up writes) would fail to start on {@code ""}. So the flag, given
 * at all and not {@code false}, is normalised to {@code true} here, before any bean reads it.
 */
class AuditVerifyEnvironment implements EnvironmentPostProcessor {

    static final String FLAG = "inspectorate.audit.verify";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String verify = environment.getProperty(FLAG);
        if (verify != null && !"false".equalsIgnoreCase(verify.strip())) {
            environment.getPropertySources().addFirst(new MapPropertySource("inspectorateAuditVerify",
                    Map.of(FLAG, "true", "spring.main.web-application-type", "none",
                            "spring.main.banner-mode", "off")));
        }
    }
}
