package be.parcours.eligibility;

/**
 * What a change of the rules in force does to the open dossiers (implemented by the dossier
 * module): each is judged again by the rules now serving, and its stored verdict replaced when the
 * new one says something else (outcome, findings, amounts). Called once per activation, by the
 * node that activated the version (immediately on approval, or at 00:00 Brussels for a scheduled
 * one), after its own engine serves it.
 */
public interface OpenVerdicts {

  OpenVerdicts NONE = (version, reason) -> 0;

  /** @return how many dossiers got a new verdict */
  int judgeAgain(String version, String reason);
}
