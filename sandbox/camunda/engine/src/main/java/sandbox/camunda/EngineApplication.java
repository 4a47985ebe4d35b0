package sandbox.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class EngineApplication {

  public static void main(String[] args) {
    if (Boolean.getBoolean("sandbox.exitWithStdin")) exitWhenStdinCloses();
    SpringApplication.run(EngineApplication.class, args);
  }

  /** Started by a test run or the demo: when that process dies, its pipe closes, and the engine goes too. */
  private static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // the parent never writes; EOF means it is gone
        }
      } catch (java.io.IOException ignored) {
        // a broken pipe means the same
      }
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** HTTP Basic on every engine-rest call, as a production engine would have it. */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * A user who may read deployments and definitions but not create deployments, so that a
   * rollback resolves and then meets a 403 on the redeploy; and a tenant the admin belongs to.
   */
  @Bean
  public CommandLineRunner sandboxIdentities(
      IdentityService identityService,
      AuthorizationService authorizationService,
      @Value("${sandbox.admin.id}") String adminId,
      @Value("${sandbox.viewer.id}") String viewerId,
      @Value("${sandbox.viewer.password}") String viewerPassword,
      @Value("${sandbox.tenant.id}") String tenantId) {
    return args -> {
      if (identityService.createUserQuery().userId(viewerId).count() == 0) {
        User viewer = identityService.newUser(viewerId);
        viewer.setPassword(viewerPassword);
        viewer.setFirstName("Viewer");
        identityService.saveUser(viewer);
        grant(authorizationService, viewerId, Resources.DEPLOYMENT, Permissions.READ);
        grant(authorizationService, viewerId, Resources.PROCESS_DEFINITION, Permissions.READ);
        grant(authorizationService, viewerId, Resources.DECISION_DEFINITION, Permissions.READ);
      }
      if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
        Tenant tenant = identityService.newTenant(tenantId);
        tenant.setName(tenantId);
        identityService.saveTenant(tenant);
        identityService.createTenantUserMembership(tenantId, adminId);
        identityService.createTenantUserMembership(tenantId, viewerId);
      }
    };
  }

  private static void grant(
      AuthorizationService authorizationService, String userId, Resources resource, Permissions permission) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId("*");
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }
}
