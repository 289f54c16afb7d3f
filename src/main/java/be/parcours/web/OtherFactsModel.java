package be.parcours.web;

import be.parcours.dossier.DossierView;
import be.parcours.dossier.Procedure;
import be.parcours.eligibility.VisaFacts;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the dossier page needs to show and correct the facts of a nationality declaration or of a
 * visa (the family reunification's are {@link IntakeFacts}): the form filled with what is recorded
 * (or with the person's details), its choices, and — for a visa — the type of the running procedure.
 */
@Component
class OtherFactsModel {

  private final RuntimeService runtime;

  OtherFactsModel(RuntimeService runtime) {
    this.runtime = runtime;
  }

  void addTo(Model model, DossierView view) {
    var person = view.beneficiary();
    if (view.procedure() == Procedure.NATIONALITY) {
      model.addAttribute("natShown", NationalityIntakeFacts.Form.of(view.facts(), null));
      if (!model.containsAttribute("natForm")) {
        model.addAttribute("natForm", NationalityIntakeFacts.Form.of(view.facts(), person.birthDate()));
      }
      model.addAttribute("natOptions", NationalityIntakeFacts.Options.INSTANCE);
    } else if (view.procedure() == Procedure.VISA) {
      String running = runningVisaType(view.reference());
      model.addAttribute("visaShown", VisaIntakeFacts.Form.of(view.facts(), running, null, null));
      if (!model.containsAttribute("visaFactsForm")) {
        model.addAttribute("visaFactsForm",
            VisaIntakeFacts.Form.of(view.facts(), running, person.birthDate(), person.nationality()));
      }
      model.addAttribute("visaRunningType", running);
      model.addAttribute("visaOptions", VisaIntakeFacts.Options.INSTANCE);
    }
  }

  /** "D" when the dossier's visa D procedure runs, "C" for a visa C one, null when none runs. */
  String runningVisaType(String reference) {
    for (var type : VisaFacts.VisaType.values()) {
      // the process a visa of that type starts, as the procedure's descriptor says
      String key = Procedure.VISA.descriptor().processKeyFor(new VisaFacts(type, VisaFacts.Purpose.TOURISM, null));
      if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey(key)
          .count() > 0) {
        return type.name();
      }
    }
    return null;
  }
}
