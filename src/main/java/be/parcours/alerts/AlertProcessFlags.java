package be.parcours.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks the procedure instances of dossiers with a legal-risk alert (within the default window) with
 * the process variables {@value #VARIABLE} (true/false) and {@value #MESSAGE_VARIABLE} (the soonest
 * alert, in French), so the Tasklist filter "Alertes" lists the tasks where a person must act.
 * Recomputed every {@code parcours.alerts.flag-refresh} (10 minutes); a variable is written only when it changes.
 */
@Component
public class AlertProcessFlags {

  public static final String VARIABLE = "alerteJuridique";
  public static final String MESSAGE_VARIABLE = "alerteJuridiqueMessage";

  private static final Logger log = LoggerFactory.getLogger(AlertProcessFlags.class);

  private final AlertService alerts;
  private final ObjectProvider<AlertDossierSource> source;
  private final RuntimeService runtime;

  AlertProcessFlags(AlertService alerts, ObjectProvider<AlertDossierSource> source, RuntimeService runtime) {
    this.alerts = alerts;
    this.source = source;
    this.runtime = runtime;
  }

  @Scheduled(initialDelayString = "${parcours.alerts.flag-refresh-initial:PT1M}",
      fixedDelayString = "${parcours.alerts.flag-refresh:PT10M}")
  // once per period across the nodes of a cluster (be.parcours.cluster, docs/cluster.md)
  @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "alert-process-flags-refresh",
      lockAtLeastFor = "${parcours.alerts.flag-refresh:PT10M}")
  public void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("legal-risk flags not refreshed: {}", e.toString());
    }
  }

  /** Sets the flags of every open dossier's procedure instance; returns the number of instances flagged. */
  public synchronized int refresh() {
    AlertDossierSource s = source.getIfAvailable();
    if (s == null) {
      return 0;
    }
    List<AlertDossierSource.AlertDossier> dossiers = s.openDossiers();
    Map<Long, Alert> soonest = new LinkedHashMap<>();
    for (Alert a : alerts.alerts(dossiers, alerts.defaultWithinDays(), Locale.FRENCH)) {
      soonest.putIfAbsent(a.dossierId(), a);
    }
    int flagged = 0;
    for (var d : dossiers) {
      if (d.processInstanceId() == null) {
        continue;
      }
      Alert a = soonest.get(d.dossierId());
      try {
        // the procedure and the processes it called (the common front, where the first tasks live):
        // Tasklist shows the flag with each task, and a called process does not see its caller's variables
        var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.reference()).active().list();
        if (instances.isEmpty()) {
          continue;
        }
        boolean flag = a != null;
        String text = a == null ? null : a.message();
        for (var instance : instances) {
          Object current = runtime.getVariable(instance.getId(), VARIABLE);
          Object message = runtime.getVariable(instance.getId(), MESSAGE_VARIABLE);
          if (!Objects.equals(current, flag) || !Objects.equals(message, text)) {
            runtime.setVariable(instance.getId(), VARIABLE, flag);
            runtime.setVariable(instance.getId(), MESSAGE_VARIABLE, text);
          }
        }
        flagged += flag ? 1 : 0;
      } catch (RuntimeException e) {
        log.debug("flag of {} not set: {}", d.reference(), e.toString());
      }
    }
    return flagged;
  }
}
