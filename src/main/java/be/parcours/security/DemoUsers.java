package be.parcours.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The contract's demo users (password from {@code parcours.demo.password}), only in the demo profile. */
@Component
@Profile("demo")
class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo-caseworker", "Camille", "Dupont", Groups.CASEWORKERS),
      new DemoUser("demo-legal", "Lucas", "Janssens", Groups.LEGAL),
      new DemoUser("demo-supervisor", "Sophie", "Lambert", Groups.SUPERVISORS),
      new DemoUser("demo-reception", "Nadia", "El Amrani", Groups.RECEPTION),
      // contract additions of December 2026: a second caseworker and a second jurist (four eyes)
      new DemoUser("demo-caseworker-2", "Thomas", "Peeters", Groups.CASEWORKERS),
      new DemoUser("demo-legal-2", "Inès", "Moreau", Groups.LEGAL));

  private final IdentityService identityService;
  private final String password;

  DemoUsers(IdentityService identityService, @Value("${parcours.demo.password}") String password) {
    this.identityService = identityService;
    this.password = password;
  }

  @EventListener
  @Order(1)
  public void onReady(ApplicationReadyEvent event) {
    for (DemoUser u : USERS) {
      if (identityService.createUserQuery().userId(u.id()).count() == 0) {
        User user = identityService.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.id() + "@parcours.example");
        user.setPassword(password);
        identityService.saveUser(user);
      }
      if (identityService.createUserQuery().userId(u.id()).memberOfGroup(u.group()).count() == 0) {
        identityService.createMembership(u.id(), u.group());
      }
    }
  }
}
