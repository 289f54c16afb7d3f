package be.parcours.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's error body: {@code { "error": "INVALID_INPUT", "message": "...", "field": "..." }}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {

  public static ApiError of(String error, String message) {
    return new ApiError(error, message, null);
  }
}
