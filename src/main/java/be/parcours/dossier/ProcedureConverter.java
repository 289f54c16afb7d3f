package be.parcours.dossier;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a procedure by its contract code ("family-reunification"). */
@Converter
class ProcedureConverter implements AttributeConverter<Procedure, String> {

  @Override
  public String convertToDatabaseColumn(Procedure procedure) {
    return procedure == null ? null : procedure.code();
  }

  @Override
  public Procedure convertToEntityAttribute(String code) {
    return code == null ? null : Procedure.fromCode(code);
  }
}
