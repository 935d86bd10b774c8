package org.inspectorate.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: zh-CN unless the user chose English ({@code ?lang=en}, remembered in a cookie) or the
 * browser asks for it; the OpenAPI document's server address.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("INSPECTORATE_LANG");
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    /**
     * The OpenAPI document's server: the configured public base URL, or {@code /} (relative to the document). Never
     * springdoc's default, built from the request's Host header, which anyone can set to a site of theirs.
     */
    @Bean
    OpenAPI openApi(@Value("${inspectorate.public-base-url:}") String publicBaseUrl) {
        String url = publicBaseUrl == null || publicBaseUrl.isBlank() ? "/" : publicBaseUrl.strip();
        return new OpenAPI().servers(List.of(new Server().url(url)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
