package be.parcours.shared;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Dotted field paths ("applicant.birthDate", "sponsor.incomeKinds[1]") from Jackson errors. */
public final class JsonPaths {

  private JsonPaths() {}

  public static String of(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
