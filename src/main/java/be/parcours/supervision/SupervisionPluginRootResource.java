package be.parcours.supervision;

import be.parcours.security.Groups;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The Cockpit plugin's server side, inside the Camunda webapp: its static assets
 * ({@code /camunda/api/cockpit/plugin/parcours-supervision/static/app/…}, public) and the dashboard
 * data ({@code …/parcours-supervision/{engine}/dashboard}), read with the Cockpit session itself.
 * Camunda's webapp security lets only a user logged into that engine reach it; this resource then
 * answers 403 unless the user is in {@code superviseurs} or {@code camunda-admin}.
 *
 * <p>Why not {@code GET /api/supervision/dashboard} from the page: a webapp-session read of
 * {@code /api/**} currently makes Spring Security rotate the session id (session-fixation
 * protection), which logs Cockpit's concurrent requests out. See the README.
 */
@Path("plugin/" + SupervisionCockpitPlugin.ID)
public class SupervisionPluginRootResource extends AbstractCockpitPluginRootResource {

  static final List<String> ALLOWED_GROUPS = List.of(Groups.SUPERVISORS, Groups.ADMINS);

  public SupervisionPluginRootResource() {
    super(SupervisionCockpitPlugin.ID);
  }

  @GET
  @Path("{engine}/dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  public Response dashboard(@PathParam("engine") String engine) throws JsonProcessingException {
    Authentications current = Authentications.getCurrent();
    var auth = current == null ? null : current.getAuthenticationForProcessEngine(engine);
    if (!(auth instanceof UserAuthentication user) || user.getGroupIds() == null
        || user.getGroupIds().stream().noneMatch(ALLOWED_GROUPS::contains)) {
      return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
          .entity("{\"error\":\"FORBIDDEN\",\"message\":\"accès réservé aux superviseurs\"}").build();
    }
    return Response.ok(SupervisionPluginBridge.dashboardJson(), MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
  }
}
