package be.parcours.dossier;

import be.parcours.shared.InvalidInputException;
import be.parcours.shared.JsonPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads {@code POST /api/dossiers}: procedure, beneficiary, optional referenceDate and
 * familyMembers, and the procedure's facts (the eligibility request's shape). Every problem is a
 * 400 naming its field.
 */
@Component
public class DossierRequestReader {

  private static final Set<String> ENVELOPE = Set.of("procedure", "beneficiary", "referenceDate", "familyMembers",
      "referent");

  private final ObjectMapper mapper;
  private final Validator validator;

  DossierRequestReader(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  public OpenDossierCommand read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException(null, "the body must be a JSON object");
    }
    JsonNode procedureNode = body.get("procedure");
    if (procedureNode == null || procedureNode.isNull()) {
      throw new InvalidInputException("procedure", "procedure: must not be null");
    }
    Procedure procedure;
    try {
      procedure = Procedure.fromCode(procedureNode.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("procedure", "procedure: " + e.getMessage());
    }
    JsonNode beneficiaryNode = body.get("beneficiary");
    if (beneficiaryNode == null || beneficiaryNode.isNull()) {
      throw new InvalidInputException("beneficiary", "beneficiary: must not be null");
    }
    BeneficiaryInput beneficiary = convert(beneficiaryNode, BeneficiaryInput.class, "beneficiary.");
    validate(beneficiary, "beneficiary.");

    LocalDate referenceDate = null;
    JsonNode ref = body.get("referenceDate");
    if (ref != null && !ref.isNull()) {
      try {
        referenceDate = LocalDate.parse(ref.asText());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("referenceDate",
            "referenceDate: invalid value '" + ref.asText() + "' (expected a valid date yyyy-MM-dd)");
      }
    }
    List<FamilyMemberInput> members = null;
    JsonNode membersNode = body.get("familyMembers");
    if (membersNode != null && !membersNode.isNull()) {
      members = convert(membersNode,
          TypeFactory.defaultInstance().constructCollectionType(List.class, FamilyMemberInput.class), "familyMembers");
      for (int i = 0; i < members.size(); i++) {
        validate(members.get(i), "familyMembers[" + i + "].");
      }
    }

    String referent = null;
    JsonNode referentNode = body.get("referent");
    if (referentNode != null && !referentNode.isNull()) {
      if (!referentNode.isTextual() || !referentNode.asText().matches("[a-zA-Z0-9._-]{1,100}")) {
        throw new InvalidInputException("referent", "referent: must be a user id");
      }
      referent = referentNode.asText();
    }
    ObjectNode factsNode = ((ObjectNode) body).deepCopy();
    factsNode.remove(ENVELOPE);
    if (factsNode.isEmpty()) {
      // first contact: the facts are unknown until the intake completes them
      return new OpenDossierCommand(procedure, beneficiary, referenceDate, null, null, members, referent);
    }
    Facts facts = readFacts(procedure, factsNode, "");
    return new OpenDossierCommand(procedure, beneficiary, referenceDate, facts.value(), facts.json(), members,
        referent);
  }

  /** A procedure's facts, validated, and their JSON as stored. */
  record Facts(Object value, String json) {}

  /** The facts of a procedure (the eligibility request's shape without referenceDate); 400 naming the field. */
  Facts readFacts(Procedure procedure, JsonNode factsNode, String prefix) {
    if (factsNode == null || !factsNode.isObject()) {
      throw new InvalidInputException(stripDot(prefix), stripDot(prefix) + ": must be a JSON object");
    }
    Class<?> factsType = procedure.descriptor().factsType();
    Object facts = convert(factsNode, mapper.constructType(factsType), prefix);
    validate(facts, prefix);
    try {
      return new Facts(facts, mapper.writeValueAsString(facts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The facts stored on a dossier (JSON written by {@link #readFacts}) as their type, or null when none. */
  Object storedFacts(Procedure procedure, String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, procedure.descriptor().factsType());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored facts unreadable", e);
    }
  }

  /**
   * A dossier opened from a page: the person already checked, the facts as the page built them
   * (converted and validated as the API's; 400 naming the field), the process they start.
   */
  public OpenDossierCommand opening(Procedure procedure, BeneficiaryInput beneficiary, JsonNode factsNode,
      String referent) {
    Facts facts = readFacts(procedure, factsNode, "facts.");
    return new OpenDossierCommand(procedure, beneficiary, null, facts.value(), facts.json(), null, referent);
  }

  /** Any object (e.g. the beneficiary block of a PATCH), converted and validated; 400 naming the field. */
  <T> T readValid(JsonNode node, Class<T> type, String prefix) {
    T value = convert(node, type, prefix);
    validate(value, prefix);
    return value;
  }

  private <T> T convert(JsonNode node, Class<T> type, String prefix) {
    return convert(node, mapper.constructType(type), prefix);
  }

  private <T> T convert(JsonNode node, com.fasterxml.jackson.databind.JavaType type, String prefix) {
    try {
      return mapper.readerFor(type).readValue(node);
    } catch (JsonMappingException e) {
      String path = JsonPaths.of(e);
      String field = path.isEmpty() ? stripDot(prefix) : join(prefix, path);
      String detail = e.getOriginalMessage();
      if (e.getCause() instanceof DateTimeParseException || (detail != null && detail.contains("LocalDate"))) {
        detail = "invalid date (expected a valid date yyyy-MM-dd)";
      } else if (detail != null && detail.contains("not one of the values accepted for Enum class")) {
        detail = "unknown value" + detail.substring(detail.indexOf(':'));
      } else {
        detail = "invalid value";
      }
      throw new InvalidInputException(field, field + ": " + detail);
    } catch (java.io.IOException e) {
      throw new InvalidInputException(stripDot(prefix), "invalid value");
    }
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.startsWith("[") ? stripDot(prefix) + path : prefix + path;
  }

  private static String stripDot(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private void validate(Object value, String prefix) {
    Set<ConstraintViolation<Object>> violations = validator.validate(value);
    violations.stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(v -> {
          String field = prefix + v.getPropertyPath();
          throw new InvalidInputException(field, field + ": " + v.getMessage());
        });
  }
}
