package be.parcours.dossier;

import be.parcours.eligibility.ProcedureDescriptor;
import be.parcours.eligibility.ProcedureDescriptors;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The procedures Parcours follows, as the contract names them; what each one is (reference prefix,
 * facts, rules, processes, labels) is its {@link #descriptor()}.
 */
public enum Procedure {
  FAMILY_REUNIFICATION(ProcedureDescriptors.FAMILY_REUNIFICATION),
  VISA(ProcedureDescriptors.VISA),
  NATIONALITY(ProcedureDescriptors.NATIONALITY);

  private final ProcedureDescriptor descriptor;

  Procedure(ProcedureDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  public ProcedureDescriptor descriptor() {
    return descriptor;
  }

  @JsonValue
  public String code() {
    return descriptor.code();
  }

  public String prefix() {
    return descriptor.referencePrefix();
  }

  @JsonCreator
  public static Procedure fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown procedure '" + code
            + "' (expected one of " + String.join(", ", ProcedureDescriptors.codes()) + ")"));
  }
}
