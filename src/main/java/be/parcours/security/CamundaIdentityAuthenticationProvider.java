package be.parcours.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity service (one user store for the
 * webapps, Camunda REST and the Parcours API); failed attempts are throttled by {@link LoginThrottle}
 * through {@link LoginThrottleFilter} (per address and per account, lock-outs that expire). The
 * user's Camunda groups become authorities {@code GROUP_<groupId>}. A successful check is remembered
 * for a minute by {@link LoginCache} (keyed hash of the password; refused at once when the stored
 * password or lock changes).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final LoginCache cache;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginCache cache) {
    this.identityService = identityService;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("bad credentials");
    }
    String password = credentials.toString();
    if (cache.enabled()) {
      // the stored user is read before the check: an entry never outlives the hash it was checked against
      LoginCache.StoredUser stored = cache.stored(user);
      if (stored == null) {
        identityService.checkPassword(user, password); // the same work as for a known user
        throw new BadCredentialsException("bad credentials");
      }
      if (!cache.matches(user, password, stored)) {
        if (!identityService.checkPassword(user, password)) {
          throw new BadCredentialsException("bad credentials");
        }
        cache.succeeded(user, password, stored);
      }
      return new UsernamePasswordAuthenticationToken(user, null, stored.groups().stream().sorted()
          .map(id -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList());
    }
    if (!identityService.checkPassword(user, password)) {
      throw new BadCredentialsException("bad credentials");
    }
    return new UsernamePasswordAuthenticationToken(user, null, authorities(identityService, user));
  }

  static List<GrantedAuthority> authorities(IdentityService identityService, String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(id -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + id))
        .toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
