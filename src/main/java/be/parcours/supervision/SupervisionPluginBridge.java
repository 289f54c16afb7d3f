package be.parcours.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Hands the Spring-managed supervision service to the Cockpit plugin resource, which Jersey (not
 * Spring) instantiates inside the Camunda webapp.
 */
@Component
class SupervisionPluginBridge {

  private static volatile SupervisionPluginBridge instance;

  private final SupervisionService service;
  private final ObjectMapper mapper;

  SupervisionPluginBridge(SupervisionService service, ObjectMapper mapper) {
    this.service = service;
    this.mapper = mapper;
    instance = this;
  }

  static String dashboardJson() throws JsonProcessingException {
    SupervisionPluginBridge bridge = instance;
    if (bridge == null) {
      throw new IllegalStateException("supervision not started");
    }
    return bridge.mapper.writeValueAsString(bridge.service.dashboard());
  }
}
