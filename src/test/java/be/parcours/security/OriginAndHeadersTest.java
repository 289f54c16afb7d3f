package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Finding 5 of the secrecy review: cross-site writes with cached Basic credentials; no CSP. */
@ParcoursSpringTest
class OriginAndHeadersTest {

  @Autowired
  TestRestTemplate rest;

  private static HttpHeaders with(String name, String value) {
    HttpHeaders h = new HttpHeaders();
    h.set(name, value);
    return h;
  }

  @Test
  void a_write_from_another_site_is_refused_and_a_script_without_origin_is_not() {
    var api = Api.as(rest, "demo-legal");
    var evil = api.exchange(HttpMethod.POST, "/api/rules/validate", "{}", with("Origin", "https://evil.example"));
    assertThat(evil.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(evil.getBody()).contains("autre site");
    assertThat(api.exchange(HttpMethod.POST, "/api/rules/validate", "{}",
        with("Referer", "https://evil.example/page.html")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.exchange(HttpMethod.POST, "/api/rules/validate", "{}", with("Origin", "null")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-admin").exchange(HttpMethod.POST, "/engine-rest/deployment/create", "{}",
        with("Origin", "https://evil.example")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(api.post("/api/rules/validate", "{}").getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.exchange(HttpMethod.POST, "/api/rules/validate", "{}", with("Origin", rest.getRootUri()))
        .getStatusCode()).isNotEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.exchange(HttpMethod.GET, "/api/rules/versions", null, with("Origin", "https://evil.example"))
        .getStatusCode()).as("reads are not writes").isEqualTo(HttpStatus.OK);
  }

  @Test
  void configured_origins_are_allowed() throws Exception {
    var filter = new OriginCheckFilter(Set.of("https://intranet.example/"), new ObjectMapper());
    var request = new MockHttpServletRequest("POST", "/api/dossiers");
    request.addHeader("Origin", "https://INTRANET.example");
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    assertThat(response.getStatus()).isEqualTo(200);

    var other = new MockHttpServletRequest("DELETE", "/engine-rest/task/1");
    other.addHeader("Origin", "https://other.example");
    var refused = new MockHttpServletResponse();
    filter.doFilter(other, refused, new MockFilterChain());
    assertThat(refused.getStatus()).isEqualTo(403);
  }

  @Test
  void parcours_pages_carry_a_strict_content_security_policy_and_the_usual_headers() {
    var page = Api.anonymous(rest).get("/reports/activity.html");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).doesNotContain("style=\"").doesNotContainPattern("<script>[^<]");
    String csp = page.getHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'", "script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(Api.as(rest, "demo-supervisor").get("/api/rules/versions").getHeaders()
        .getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CSP);

    var tasklist = Api.anonymous(rest).get("/camunda/app/tasklist/default/");
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).as("the webapps keep their own policy")
        .isNotEqualTo(SecurityHeadersFilter.CSP);
  }

  @Test
  void hsts_only_when_the_request_came_over_tls() {
    var tls = Api.anonymous(rest).get("/reports/activity.html", with("X-Forwarded-Proto", "https"));
    assertThat(tls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
    assertThat(Api.anonymous(rest).get("/reports/activity.html").getHeaders()
        .getFirst("Strict-Transport-Security")).isNull();
  }
}
