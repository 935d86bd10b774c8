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
 */
class AuditVerifyEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String verify = environment.getProperty("inspectorate.audit.verify");
        if (verify != null && !"false".equalsIgnoreCase(verify.strip())) {
            environment.getPropertySources().addFirst(new MapPropertySource("inspectorateAuditVerify",
                    Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off")));
        }
    }
}
