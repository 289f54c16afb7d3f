package be.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The layout's model (same as {@link PageModelAdvice}) for the page controllers of feature
 * packages, named by package so that this package does not depend on them (the rules workbench:
 * {@code be.parcours.eligibility.RulesPageController}). API calls of those packages skip it.
 */
@ControllerAdvice(basePackages = {"be.parcours.eligibility", "be.parcours.privacy.web"})
class WorkplacePageModelAdvice {

  private final PageModelAdvice pages;

  WorkplacePageModelAdvice(PageModelAdvice pages) {
    this.pages = pages;
  }

  private static boolean api(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
  }

  @ModelAttribute("me")
  CurrentUser me(Authentication auth, HttpServletRequest request) {
    return api(request) ? null : pages.me(auth);
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return pages.currentPath(request);
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return pages.lang(locale);
  }
}
