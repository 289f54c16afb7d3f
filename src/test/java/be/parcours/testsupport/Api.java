package be.parcours.testsupport;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls to the running application as a demo user (password "demo") or anonymously. */
public final class Api {

  private final TestRestTemplate rest;
  private final String user;

  private Api(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  public static Api as(TestRestTemplate rest, String user) {
    return new Api(rest, user);
  }

  public static Api anonymous(TestRestTemplate rest) {
    return new Api(rest, null);
  }

  public ResponseEntity<String> get(String path) {
    return exchange(HttpMethod.GET, path, null, null);
  }

  public ResponseEntity<String> get(String path, HttpHeaders extra) {
    return exchange(HttpMethod.GET, path, null, extra);
  }

  public ResponseEntity<String> post(String path, String json) {
    return exchange(HttpMethod.POST, path, json, null);
  }

  public ResponseEntity<String> put(String path, String json) {
    return exchange(HttpMethod.PUT, path, json, null);
  }

  public ResponseEntity<String> exchange(HttpMethod method, String path, String json, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    if (extra != null) {
      headers.addAll(extra);
    }
    // no URI-template expansion: paths may carry ${...} on purpose (security tests)
    java.net.URI uri = java.net.URI.create(rest.getRootUri() + path.replace("{", "%7B").replace("}", "%7D")
        .replace("$", "%24"));
    return rest.exchange(uri, method, new HttpEntity<>(json, headers), String.class);
  }
}
