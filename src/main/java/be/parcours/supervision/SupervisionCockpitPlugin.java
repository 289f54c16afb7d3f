package be.parcours.supervision;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit dashboard plugin "Suivi des délais": its front end is
 * {@code plugin-webapp/parcours-supervision/app/plugin.js} (plain JavaScript, no build), which
 * reads {@code GET /api/supervision/dashboard} with the Cockpit session. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class SupervisionCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "parcours-supervision";

  @Override
  public String getId() {
    return ID;
  }
}
