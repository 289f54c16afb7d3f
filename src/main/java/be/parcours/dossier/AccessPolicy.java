package be.parcours.dossier;

import java.util.Set;

/**
 * Professional secrecy (art. 458 Code pénal): who sees how much of a dossier. Plain Java, no
 * framework: the decision only depends on the viewer's groups and the dossier's people.
 *
 * <ul>
 *   <li>{@code superviseurs}: full access to every dossier;</li>
 *   <li>the dossier's referent, the users who hold or held one of its tasks, and whoever holds a
 *       running exceptional access: full access;</li>
 *   <li>{@code juristes}: full access while one of its tasks is in their group's queue, and after they
 *       worked on it (they then hold or held one of its tasks);</li>
 *   <li>reception ({@code accueil}) without another working group: the reception view, whatever the
 *       above (they never see facts, the verdict, documents or intervention notes);</li>
 *   <li>every other caseworker or jurist: a card; an exceptional access (with a reason) opens the dossier.</li>
 * </ul>
 * Administrators ({@code camunda-admin}) are technical accounts: they get no dossier through this policy.
 */
public final class AccessPolicy {

  public static final String CASEWORKERS = "service-social";
  public static final String LEGAL = "juristes";
  public static final String SUPERVISORS = "superviseurs";
  public static final String RECEPTION = "accueil";

  /** What the policy needs to know about one dossier for one viewer. */
  public record DossierPeople(String referent, boolean viewerHoldsOrHeldATask, boolean legalQueueHasATask,
      boolean viewerHasExceptionalAccess) {}

  /** @return the level of access, or null when the viewer may not even see the dossier's card */
  public AccessLevel decide(Viewer viewer, DossierPeople dossier) {
    Set<String> groups = viewer.groups();
    if (groups.contains(SUPERVISORS)) {
      return AccessLevel.FULL;
    }
    boolean caseworker = groups.contains(CASEWORKERS);
    boolean legal = groups.contains(LEGAL);
    if (!caseworker && !legal) {
      return groups.contains(RECEPTION) ? AccessLevel.RECEPTION : null;
    }
    boolean involved = viewer.user().equals(dossier.referent()) || dossier.viewerHoldsOrHeldATask()
        || dossier.viewerHasExceptionalAccess() || (legal && dossier.legalQueueHasATask());
    if (involved) {
      return AccessLevel.FULL;
    }
    return groups.contains(RECEPTION) ? AccessLevel.RECEPTION : AccessLevel.CARD;
  }

  /** Only caseworkers and legal staff ask for an exceptional access (reception never reads a full dossier). */
  public boolean mayRequestExceptionalAccess(Viewer viewer) {
    return viewer.in(CASEWORKERS) || viewer.in(LEGAL);
  }

  /** Who may read a dossier's access log: supervisors and the dossier's referent. */
  public boolean mayReadAccessLog(Viewer viewer, String referent) {
    return viewer.in(SUPERVISORS) || viewer.user().equals(referent);
  }
}
