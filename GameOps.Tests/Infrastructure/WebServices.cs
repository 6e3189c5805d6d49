using System.Security.Claims;
using GameOps.Data;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Infrastructure;

/// <summary>The app's data services (resources, audit interceptor) on a test database, without a web host.</summary>
public static class WebServices
{
    /// <param name="interceptors">Added to every context after the app's own (a command log…).</param>
    public static void AddGameOpsWebData(this IServiceCollection services, TestDatabase database, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<StaffAuditInterceptor>();
        services.AddScoped<StaffAuditRecorder>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<PersonalDataAccess>();
        services.AddScoped<GameOps.Web.Services.Shell.StaffPreferences>();
        services.AddGameOpsData(database.Options, (sp, o) => o.AddInterceptors([sp.GetRequiredService<StaffAuditInterceptor>(), sp.GetRequiredService<TableVersionInterceptor>(), .. interceptors]));
        services.AddGameOpsResources();
    }

    public static ServiceProvider Build(TestDatabase database, ClaimsPrincipal? staff = null, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database, interceptors);
        // Every scope acts as this staff member (services demand permissions), not only the root one.
        if (staff is not null)
            services.AddScoped(sp =>
            {
                var current = new CurrentStaff(sp.GetRequiredService<IHttpContextAccessor>());
                current.Use(staff, "127.0.0.1", "tests");
                return current;
            });
        var provider = services.BuildServiceProvider(validateScopes: false);
        if (staff is not null) provider.GetRequiredService<CurrentStaff>().Use(staff, "127.0.0.1", "tests");
        return provider;
    }

    /// <summary>A staff member of <paramref name="role"/> signed in with a personal access token that holds only <paramref name="scopes"/>.</summary>
    public static ClaimsPrincipal ApiToken(string role, params Permission[] scopes)
    {
        var token = Staff(role);
        ((ClaimsIdentity)token.Identity!).AddClaims([new Claim(ApiTokenScopes.TokenIdClaim, Guid.NewGuid().ToString()),
            .. scopes.Select(p => new Claim(ApiTokenScopes.ScopeClaim, p.ToString()))]);
        return token;
    }

    public static ClaimsPrincipal Staff(string role, Guid? id = null, string? email = null) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, (id ?? Guid.NewGuid()).ToString()),
            new Claim(ClaimTypes.Name, email ?? $"{role.ToLowerInvariant()}@tests.local"),
            new Claim(ClaimTypes.Email, email ?? $"{role.ToLowerInvariant()}@tests.local"),
            new Claim(ClaimTypes.Role, role),
        ], "Tests"));
}
