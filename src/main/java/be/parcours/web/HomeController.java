package be.parcours.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: search, "Nouveau dossier", my dossiers, my open tasks, the legal deadlines at risk. */
@Controller
class HomeController {

  private final HomeQueries queries;
  private final be.parcours.alerts.AlertService alerts;
  private final be.parcours.cluster.BackgroundStartup startup;

  HomeController(HomeQueries queries, be.parcours.alerts.AlertService alerts,
      be.parcours.cluster.BackgroundStartup startup) {
    this.queries = queries;
    this.alerts = alerts;
    this.startup = startup;
  }

  @GetMapping("/")
  String home(Authentication auth, Model model) {
    String user = auth.getName();
    List<String> groups = auth.getAuthorities().stream().map(a -> a.getAuthority())
        .filter(a -> a.startsWith(CurrentUser.GROUP_PREFIX)).map(a -> a.substring(CurrentUser.GROUP_PREFIX.length()))
        .toList();
    model.addAttribute("myDossiers", queries.myDossiers(user));
    model.addAttribute("myTasks", queries.myTasks(user, groups));
    // the legal-risk alerts of the dossiers the user may read (law module), soonest first
    model.addAttribute("alerts", alerts.alertsFor(user, java.util.Set.copyOf(groups), alerts.defaultWithinDays(),
        WebConfig.supported(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
    model.addAttribute("alertDays", alerts.defaultWithinDays());
    // the demo data is written in the background after start-up (be.parcours.cluster.BackgroundStartup)
    model.addAttribute("startupTasksRunning", startup.running());
    return "home";
  }
}
