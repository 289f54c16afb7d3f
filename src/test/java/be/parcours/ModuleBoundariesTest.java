package be.parcours;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Packages by feature stay honest: no cycles between features; the law and the clock stay plain Java. */
class ModuleBoundariesTest {

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("be.parcours");
  }

  @Test
  void features_do_not_depend_on_each_other_in_cycles() {
    slices().matching("be.parcours.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void shared_types_depend_on_no_feature() {
    noClasses().that().resideInAPackage("be.parcours.shared..")
        .should().dependOnClassesThat().resideInAnyPackage("be.parcours.dossier..", "be.parcours.eligibility..",
            "be.parcours.procedure..", "be.parcours.clock..", "be.parcours.supervision..", "be.parcours.security..",
            "be.parcours.reporting..")
        .check(classes);
  }

  @Test
  void features_use_only_the_group_names_of_security() {
    noClasses().that().resideOutsideOfPackage("be.parcours.security..")
        .should().dependOnClassesThat(resideInAPackage("be.parcours.security..").and(not(simpleName("Groups"))))
        .allowEmptyShould(true)
        .check(classes);
  }
}
