package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.AccessPolicy.DossierPeople;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Professional secrecy, the rules alone (no Spring, no engine). */
class AccessPolicyTest {

  final AccessPolicy policy = new AccessPolicy();

  static Viewer user(String id, String... groups) {
    return new Viewer(id, Set.of(groups));
  }

  static DossierPeople referent(String referent) {
    return new DossierPeople(referent, false, false, false);
  }

  @Test
  void the_referent_has_full_access_and_another_caseworker_a_card() {
    assertThat(policy.decide(user("anna", "service-social"), referent("anna"))).isEqualTo(AccessLevel.FULL);
    assertThat(policy.decide(user("bert", "service-social"), referent("anna"))).isEqualTo(AccessLevel.CARD);
  }

  @Test
  void holding_or_having_held_a_task_or_an_exceptional_access_gives_full_access() {
    assertThat(policy.decide(user("bert", "service-social"), new DossierPeople("anna", true, false, false)))
        .isEqualTo(AccessLevel.FULL);
    assertThat(policy.decide(user("bert", "service-social"), new DossierPeople("anna", false, false, true)))
        .isEqualTo(AccessLevel.FULL);
  }

  @Test
  void legal_staff_see_a_dossier_while_it_is_in_their_queue_or_after_they_worked_on_it() {
    Viewer jurist = user("jules", "juristes");
    assertThat(policy.decide(jurist, new DossierPeople("anna", false, true, false))).isEqualTo(AccessLevel.FULL);
    assertThat(policy.decide(jurist, new DossierPeople("anna", true, false, false))).isEqualTo(AccessLevel.FULL);
    assertThat(policy.decide(jurist, referent("anna"))).isEqualTo(AccessLevel.CARD);
    // a caseworker does not gain access because the legal staff's queue has a task
    assertThat(policy.decide(user("bert", "service-social"), new DossierPeople("anna", false, true, false)))
        .isEqualTo(AccessLevel.CARD);
  }

  @Test
  void supervisors_see_everything() {
    assertThat(policy.decide(user("sue", "superviseurs"), referent("anna"))).isEqualTo(AccessLevel.FULL);
  }

  @Test
  void reception_gets_the_reception_view_even_as_referent_or_task_holder() {
    Viewer reception = user("rita", "accueil");
    assertThat(policy.decide(reception, referent("anna"))).isEqualTo(AccessLevel.RECEPTION);
    assertThat(policy.decide(reception, referent("rita"))).isEqualTo(AccessLevel.RECEPTION);
    assertThat(policy.decide(reception, new DossierPeople("anna", true, true, true))).isEqualTo(AccessLevel.RECEPTION);
    // a receptionist who is also a caseworker: the caseworker's rules, at least the reception view
    assertThat(policy.decide(user("rita", "accueil", "service-social"), referent("anna")))
        .isEqualTo(AccessLevel.RECEPTION);
    assertThat(policy.decide(user("rita", "accueil", "service-social"), referent("rita"))).isEqualTo(AccessLevel.FULL);
  }

  @Test
  void administrators_and_users_without_a_working_group_get_nothing() {
    assertThat(policy.decide(user("admin", "camunda-admin"), referent("admin"))).isNull();
    assertThat(policy.decide(user("nobody"), referent("anna"))).isNull();
  }

  @Test
  void exceptional_access_and_the_access_log() {
    assertThat(policy.mayRequestExceptionalAccess(user("bert", "service-social"))).isTrue();
    assertThat(policy.mayRequestExceptionalAccess(user("jules", "juristes"))).isTrue();
    assertThat(policy.mayRequestExceptionalAccess(user("rita", "accueil"))).isFalse();
    assertThat(policy.mayReadAccessLog(user("anna", "service-social"), "anna")).isTrue();
    assertThat(policy.mayReadAccessLog(user("sue", "superviseurs"), "anna")).isTrue();
    assertThat(policy.mayReadAccessLog(user("bert", "service-social"), "anna")).isFalse();
    assertThat(policy.mayReadAccessLog(user("jules", "juristes"), "anna")).isFalse();
  }
}
