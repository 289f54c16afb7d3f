package be.parcours.web;

import be.parcours.security.Groups;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in user as the pages need them: id, display name and groups. */
record CurrentUser(String id, String displayName, Set<String> groups) {

  static final String GROUP_PREFIX = "GROUP_";

  static CurrentUser of(Authentication auth, String displayName) {
    Set<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(auth.getName(), displayName, groups);
  }

  boolean in(String group) {
    return groups.contains(group);
  }

  public boolean isReception() {
    return in(Groups.RECEPTION) && !in(Groups.CASEWORKERS) && !in(Groups.SUPERVISORS);
  }

  public boolean isCaseworker() {
    return in(Groups.CASEWORKERS);
  }

  public boolean isLegal() {
    return in(Groups.LEGAL);
  }

  public boolean isSupervisor() {
    return in(Groups.SUPERVISORS) || in(Groups.ADMINS);
  }

  /** Who may open dossiers and run sessions (the API's groups for POST /api/dossiers). */
  public boolean canOpenDossiers() {
    return in(Groups.CASEWORKERS) || in(Groups.RECEPTION);
  }

  public boolean canUseCockpit() {
    return in(Groups.SUPERVISORS) || in(Groups.ADMINS);
  }
}
