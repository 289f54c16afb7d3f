package be.parcours.supervision;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the plugin's static assets at {@code /camunda/api/cockpit/plugin/parcours-supervision/static/app/…}. */
@Path("plugin/" + SupervisionCockpitPlugin.ID)
public class SupervisionPluginRootResource extends AbstractCockpitPluginRootResource {

  public SupervisionPluginRootResource() {
    super(SupervisionCockpitPlugin.ID);
  }
}
