package be.parcours.eligibility;

/**
 * Where a node reports that it cannot serve a version of the rules (it keeps the last good one),
 * and that it serves again what the database says: in the running application, a Camunda incident
 * that operators see in Cockpit ({@link CamundaRulesIncidents}); none in plain tests.
 */
interface RulesIncidents {

  /**
   * The node's state after a synchronisation.
   *
   * @param failedVersion the version it could not compile or activate, null when all is well
   * @param error the French reason (null when all is well)
   * @param serving the version it serves
   */
  void report(String nodeId, String failedVersion, String error, String serving);

  RulesIncidents NONE = (nodeId, failedVersion, error, serving) -> { };
}
