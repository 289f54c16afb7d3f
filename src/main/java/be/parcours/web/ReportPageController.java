package be.parcours.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /reports/activity} (the contract's page address) is the reporting module's static page. */
@Controller
class ReportPageController {

  @GetMapping("/reports/activity")
  String activity() {
    return "redirect:/reports/activity.html";
  }
}
