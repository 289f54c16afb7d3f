package be.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The layout's model for the {@link WorkplacePage} controllers of other packages (same as {@link PageModelAdvice}). */
@ControllerAdvice(annotations = WorkplacePage.class)
class WorkplacePageModelAdvice {

  private final PageModelAdvice pages;

  WorkplacePageModelAdvice(PageModelAdvice pages) {
    this.pages = pages;
  }

  @ModelAttribute("me")
  CurrentUser me(Authentication auth) {
    return pages.me(auth);
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
