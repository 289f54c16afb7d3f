package be.parcours.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every error of the Parcours API to the contract's JSON body. Bad input never gives a 5xx:
 * 400 (malformed, wrong type, missing, impossible date, unknown enum value), 422 (business rule),
 * 404, 409 (concurrent update).
 */
@RestControllerAdvice(basePackages = "be.parcours")
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  static final String INVALID_INPUT = "INVALID_INPUT";

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT, e.getMessage(), e.field()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    FieldError fe = e.getBindingResult().getFieldError();
    if (fe == null) {
      String message = e.getBindingResult().getAllErrors().stream()
          .map(err -> err.getDefaultMessage()).collect(Collectors.joining("; "));
      return status(HttpStatus.BAD_REQUEST, ApiError.of(INVALID_INPUT, message));
    }
    return status(HttpStatus.BAD_REQUEST,
        new ApiError(INVALID_INPUT, fe.getField() + ": " + fe.getDefaultMessage(), fe.getField()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
    var v = e.getConstraintViolations().stream()
        .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
        .findFirst().orElse(null);
    if (v == null) {
      return status(HttpStatus.BAD_REQUEST, ApiError.of(INVALID_INPUT, e.getMessage()));
    }
    String field = null;
    for (var node : v.getPropertyPath()) {
      field = node.getName(); // method-parameter constraints: the parameter's name, not "method.param"
    }
    return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT, field + ": " + v.getMessage(), field));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalid(HandlerMethodValidationException e) {
    var result = e.getParameterValidationResults().stream().findFirst();
    if (result.isEmpty()) {
      return status(HttpStatus.BAD_REQUEST, ApiError.of(INVALID_INPUT, "invalid request"));
    }
    String field = result.get().getMethodParameter().getParameterName();
    String message = result.get().getResolvableErrors().stream()
        .map(err -> err.getDefaultMessage()).collect(Collectors.joining("; "));
    return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT, field + ": " + message, field));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      String field = JsonPaths.of(jme);
      String message;
      if (cause instanceof InvalidFormatException ife) {
        message = field + ": invalid value '" + ife.getValue() + "'" + expected(ife.getTargetType());
      } else if (cause instanceof MismatchedInputException mie) {
        message = field + ": wrong type" + expected(mie.getTargetType());
      } else {
        message = field + ": invalid value";
      }
      return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT, message, field));
    }
    if (cause instanceof JsonProcessingException jpe) {
      String location = jpe.getLocation() == null ? ""
          : " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
      return status(HttpStatus.BAD_REQUEST, ApiError.of(INVALID_INPUT, "malformed JSON" + location));
    }
    return status(HttpStatus.BAD_REQUEST, ApiError.of(INVALID_INPUT, "missing or unreadable request body"));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type.isEnum()) {
      return " (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
    }
    if (type == java.time.LocalDate.class) {
      return " (expected a valid date yyyy-MM-dd)";
    }
    return " (expected " + type.getSimpleName() + ")";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT,
        e.getName() + ": invalid value '" + e.getValue() + "'" + expected(e.getRequiredType()), e.getName()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
    return status(HttpStatus.BAD_REQUEST,
        new ApiError(INVALID_INPUT, e.getParameterName() + ": is required", e.getParameterName()));
  }

  @ExceptionHandler(BusinessRuleException.class)
  ResponseEntity<ApiError> business(BusinessRuleException e) {
    return status(HttpStatus.UNPROCESSABLE_ENTITY, new ApiError("BUSINESS_RULE", e.getMessage(), e.field()));
  }

  // ---- dossiers: professional secrecy, files (dossier helper) ----
  @ExceptionHandler(AccessRestrictedException.class)
  ResponseEntity<ApiError> restricted(AccessRestrictedException e) {
    return status(HttpStatus.FORBIDDEN, ApiError.of("ACCESS_RESTRICTED", e.getMessage()));
  }

  @ExceptionHandler(ApiStatusException.class)
  ResponseEntity<ApiError> refused(ApiStatusException e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.error(), e.getMessage(), e.field()));
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> uploadTooLarge(RuntimeException e) {
    return status(HttpStatus.PAYLOAD_TOO_LARGE, new ApiError("PAYLOAD_TOO_LARGE",
        "le fichier dépasse la taille maximale acceptée", "file"));
  }

  @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
      org.springframework.web.multipart.support.MissingServletRequestPartException.class})
  ResponseEntity<ApiError> badMultipart(Exception e) {
    return status(HttpStatus.BAD_REQUEST, new ApiError(INVALID_INPUT, "file: a multipart part 'file' is required",
        "file"));
  }
  // ---- end dossiers ----

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return status(HttpStatus.NOT_FOUND, ApiError.of("NOT_FOUND", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return status(HttpStatus.NOT_FOUND, ApiError.of("NOT_FOUND", "no such resource: /" + e.getResourcePath()));
  }

  @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class})
  ResponseEntity<ApiError> conflict(RuntimeException e) {
    return status(HttpStatus.CONFLICT,
        ApiError.of("CONFLICT", "the resource was changed by someone else at the same time; retry"));
  }

  /** Two identical writes at the same instant: one wins, the other is told to retry. */
  @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
  ResponseEntity<ApiError> integrity(RuntimeException e) {
    return status(HttpStatus.CONFLICT, ApiError.of("CONFLICT", "the same change was just made by someone else; reload"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return status(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of("METHOD_NOT_ALLOWED", e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ApiError.of(INVALID_INPUT, "unsupported content type: send application/json"));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return status(HttpStatus.NOT_ACCEPTABLE, ApiError.of("NOT_ACCEPTABLE", e.getMessage()));
  }

  /** Let Spring Security's own handlers answer 401/403 with the same body. */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void security(RuntimeException e) {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("Unexpected error", e);
    return status(HttpStatus.INTERNAL_SERVER_ERROR,
        ApiError.of("INTERNAL_ERROR", "an unexpected error occurred; nothing was changed"));
  }

  private static ResponseEntity<ApiError> status(HttpStatus status, ApiError body) {
    return ResponseEntity.status(status).body(body);
  }
}
