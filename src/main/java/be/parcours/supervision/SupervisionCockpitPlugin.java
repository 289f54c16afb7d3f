package be.parcours.supervision;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit dashboard plugin "Suivi des délais": its front end is
 * {@code plugin-webapp/parcours-supervision/app/plugin.js} (plain JavaScript, no build), which
 * reads {@code GET /api/supervision/dashboard} with the Cockpit session. Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}; its assets are served by
 * {@link SupervisionPluginRootResource}.
 */
public class SupervisionCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "parcours-supervision";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(SupervisionPluginRootResource.class);
  }
}
