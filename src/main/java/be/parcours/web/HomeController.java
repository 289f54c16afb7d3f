package be.parcours.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: search, "Nouveau dossier", my dossiers, my open tasks, the legal deadlines at risk. */
@Controller
class HomeController {

  static final int ALERT_DAYS = 14;

  private final HomeQueries queries;
  private final java.time.Clock clock;

  HomeController(HomeQueries queries, java.time.Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(Authentication auth, Model model) {
    String user = auth.getName();
    List<String> groups = auth.getAuthorities().stream().map(a -> a.getAuthority())
        .filter(a -> a.startsWith(CurrentUser.GROUP_PREFIX)).map(a -> a.substring(CurrentUser.GROUP_PREFIX.length()))
        .toList();
    model.addAttribute("myDossiers", queries.myDossiers(user));
    model.addAttribute("myTasks", queries.myTasks(user, groups));
    model.addAttribute("alerts", queries.deadlineAlerts(user, LocalDate.now(clock).plusDays(ALERT_DAYS)));
    return "home";
  }
}
