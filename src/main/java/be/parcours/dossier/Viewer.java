package be.parcours.dossier;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who asks for a dossier: the user id and its Camunda groups (e.g. {@code service-social}). The
 * API and the pages build it from the authenticated user ({@link #of(String, Collection)} with the
 * authorities {@code GROUP_<group>}).
 */
public record Viewer(String user, Set<String> groups) {

  public Viewer {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  /** From a user name and Spring Security authority names ({@code GROUP_juristes} → {@code juristes}). */
  public static Viewer of(String user, Collection<String> authorities) {
    return new Viewer(user, authorities.stream().filter(a -> a.startsWith("GROUP_")).map(a -> a.substring(6))
        .collect(Collectors.toUnmodifiableSet()));
  }

  public boolean in(String group) {
    return groups.contains(group);
  }
}
