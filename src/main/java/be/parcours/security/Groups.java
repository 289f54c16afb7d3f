package be.parcours.security;

/** The organisation's Camunda groups (candidate groups of user tasks). */
public final class Groups {

  public static final String CASEWORKERS = "service-social";
  public static final String LEGAL = "juristes";
  public static final String SUPERVISORS = "superviseurs";
  public static final String RECEPTION = "accueil";
  public static final String ADMINS = "camunda-admin";

  private Groups() {}
}
