package be.parcours.dossier;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code ?procedure=family-reunification} in query strings. */
@Component
class ProcedureParamConverter implements Converter<String, Procedure> {

  @Override
  public Procedure convert(String source) {
    return Procedure.fromCode(source);
  }
}
