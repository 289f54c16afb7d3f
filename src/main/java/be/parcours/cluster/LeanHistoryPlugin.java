package be.parcours.cluster;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level {@code full} (job log, incidents, user operation log, task and
 * activity history, variable instances: what the delays view, reporting, erasure, the "completed by
 * me" list and Cockpit read), written without the two kinds of rows nothing in Parcours reads and
 * that cost most per dossier (docs/cluster.md, "History"):
 * <ul>
 *   <li>the variable-update details ({@code ACT_HI_DETAIL} of type {@code VariableUpdate}): one
 *       more copy of every value each time a variable is set — the variable instance itself
 *       ({@code ACT_HI_VARINST}) keeps the latest value; submitted form fields are still written;</li>
 *   <li>the identity-link log ({@code ACT_HI_IDENTITYLINK}): two rows per task for its candidate
 *       groups, which the runtime table holds while the task is open.</li>
 * </ul>
 * Fewer copies of personal data as well (the task cards' person name was written twice more).
 * {@code parcours.history.lean=false} writes all of level full again.
 */
@Component
class LeanHistoryPlugin extends AbstractProcessEnginePlugin {

  private final boolean lean;

  LeanHistoryPlugin(@Value("${parcours.history.lean:true}") boolean lean) {
    this.lean = lean;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!lean) {
      return;
    }
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // the engine's database handler is replaced by this one (the same, minus two kinds of rows)
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(0, new LeanDbHistoryEventHandler());
  }

  static final class LeanDbHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricIdentityLinkLogEventEntity) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
