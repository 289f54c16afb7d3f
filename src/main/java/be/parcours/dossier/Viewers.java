package be.parcours.dossier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The {@link Viewer} of the authenticated user (API controllers and pages). */
public final class Viewers {

  private Viewers() {}

  public static Viewer of(Authentication authentication) {
    return Viewer.of(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }
}
