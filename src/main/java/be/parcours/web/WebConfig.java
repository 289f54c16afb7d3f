package be.parcours.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages of the workplace: French by default, Dutch or English when the browser asks for them
 * first ({@code Accept-Language}) or the user picks them in the header ({@code ?lang=nl}, kept in
 * a cookie for a year).
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

  static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, new Locale("nl"), Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("parcours-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> {
      for (var it = request.getLocales().asIterator(); it.hasNext(); ) {
        Locale asked = it.next();
        if (request.getHeader("Accept-Language") == null) {
          break;
        }
        for (Locale supported : LANGUAGES) {
          if (supported.getLanguage().equals(asked.getLanguage())) {
            return supported;
          }
        }
      }
      return Locale.FRENCH;
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**");
  }

  /** Only the three languages of the workplace can be chosen. */
  static Locale supported(Locale locale) {
    if (locale != null) {
      for (Locale l : LANGUAGES) {
        if (l.getLanguage().equals(locale.getLanguage())) {
          return l;
        }
      }
    }
    return Locale.FRENCH;
  }
}
