package be.parcours.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The dossier module's view of the procedures' tasks (a port: implemented by the procedure module
 * on the engine, so the dossier module has no engine imports). A dossier's tasks are those of the
 * process instances whose business key is its reference.
 */
public interface DossierTasks {

  /** The open tasks of a dossier, oldest first. */
  List<OpenTask> openTasks(String reference);

  /** Of these dossier references, those where the user holds or held a task (history included). */
  Set<String> heldBy(String user, Collection<String> references);

  /** Of these dossier references, those with an open task for that candidate group (assigned or not). */
  Set<String> queuedFor(String group, Collection<String> references);

  /** Whether this user id exists (a referent must be a user). */
  boolean isUser(String user);

  /** candidateGroup: the first of candidateGroups (in name order), as the contract's openTasks[] show one. */
  record OpenTask(String id, String name, String candidateGroup, List<String> candidateGroups, String assignee,
      java.time.Instant due) {}
}
