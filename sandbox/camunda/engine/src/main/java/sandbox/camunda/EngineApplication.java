package sandbox.camunda;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
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
import org.springframework.boot.web.servlet.ServletRegistrationBean;
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

  /**
   * A second engine in the same process, named 'hardened', set up as hardened installations are:
   * queryMaxResultsLimit on (an authenticated query without maxResults, or with more, is answered
   * 400: QueryMaxResultsLimitUtil in camunda/camunda-bpm-platform,
   * engine/src/main/java/org/camunda/bpm/engine/impl/util/QueryMaxResultsLimitUtil.java). Its own
   * in-memory database and users; engine-rest serves it at /engine-rest/engine/hardened, found
   * through ProcessEngines as the starter's SpringBootProcessEngineProvider looks engines up.
   */
  @Bean(destroyMethod = "close")
  public HardenedEngine hardenedEngine(
      @Value("${sandbox.hardened.name}") String name,
      @Value("${sandbox.hardened.query-max-results-limit}") int limit,
      @Value("${sandbox.admin.id}") String adminId,
      @Value("${sandbox.admin.password}") String adminPassword,
      @Value("${sandbox.tenant.id}") String tenantId) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=false");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    configuration.setQueryMaxResultsLimit(limit);
    configuration.setLoginDelayBase(0);
    configuration.setLoginMaxAttempts(100000);
    ProcessEngine engine = configuration.buildProcessEngine();
    IdentityService identityService = engine.getIdentityService();
    User admin = identityService.newUser(adminId);
    admin.setPassword(adminPassword);
    identityService.saveUser(admin);
    for (Resources resource : Resources.values()) {
      grant(engine.getAuthorizationService(), adminId, resource, Permissions.ALL);
    }
    Tenant tenant = identityService.newTenant(tenantId);
    tenant.setName(tenantId);
    identityService.saveTenant(tenant);
    identityService.createTenantUserMembership(tenantId, adminId);
    return new HardenedEngine(engine);
  }

  /** Held in a type of its own: a second ProcessEngine bean would stand in for the starter's default engine. */
  public record HardenedEngine(ProcessEngine engine) implements AutoCloseable {
    @Override
    public void close() {
      engine.close();
    }
  }

  /**
   * Sandbox only, never in a real engine: sets one deployment's deploymentTime, as a node whose
   * clock is off (or a database storing whole seconds) would have written it, so tests can make
   * ties and skew. POST /sandbox/deployment-time?engine=default&id=...&at=epochMillis.
   */
  @Bean
  public ServletRegistrationBean<HttpServlet> deploymentTimeServlet() {
    HttpServlet servlet = new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String engineName = request.getParameter("engine");
        ProcessEngine engine = ProcessEngines.getProcessEngine(engineName == null ? "default" : engineName);
        if (engine == null) {
          response.sendError(404, "no engine " + engineName);
          return;
        }
        javax.sql.DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement update = connection.prepareStatement("UPDATE ACT_RE_DEPLOYMENT SET DEPLOY_TIME_ = ? WHERE ID_ = ?")) {
          update.setTimestamp(1, new java.sql.Timestamp(Long.parseLong(request.getParameter("at"))));
          update.setString(2, request.getParameter("id"));
          int rows = update.executeUpdate();
          if (!connection.getAutoCommit()) connection.commit();
          response.setStatus(rows == 1 ? 204 : 404);
        } catch (java.sql.SQLException e) {
          response.sendError(500, e.getMessage());
        }
      }
    };
    return new ServletRegistrationBean<>(servlet, "/sandbox/deployment-time");
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
