package be.parcours.shared;

/** A refusal with its own status and error code (413 file too large, 415 file type, 503 not configured...). */
public class ApiStatusException extends RuntimeException {

  private final int status;
  private final String error;
  private final String field;

  public ApiStatusException(int status, String error, String message, String field) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String field() {
    return field;
  }
}
