package be.parcours.shared;

/** Professional secrecy: the user may not open this dossier (yet): 403 {@code ACCESS_RESTRICTED}. */
public class AccessRestrictedException extends RuntimeException {

  public AccessRestrictedException(String message) {
    super(message);
  }
}
