package be.parcours.dossier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The procedures Parcours follows; {@link #code()} is the contract's value, {@link #prefix()} starts references. */
public enum Procedure {
  FAMILY_REUNIFICATION("family-reunification", "RF"),
  VISA("visa", "VI"),
  NATIONALITY("nationality", "NA");

  private final String code;
  private final String prefix;

  Procedure(String code, String prefix) {
    this.code = code;
    this.prefix = prefix;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public String prefix() {
    return prefix;
  }

  @JsonCreator
  public static Procedure fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown procedure '" + code
            + "' (expected one of family-reunification, visa, nationality)"));
  }
}
