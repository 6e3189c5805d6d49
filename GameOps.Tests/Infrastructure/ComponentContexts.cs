using System.Security.Claims;
using Bunit;
using GameOps.Web.Services.Shell;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace GameOps.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor, the app's data services on a test database, and a signed-in staff member of one role.</summary>
public static class ComponentContexts
{
    public static BunitContext SignedIn(TestDatabase database, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
        ctx.Services.AddGameOpsWebData(database);
        ctx.Services.AddScoped<PageContext>();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized($"{role.ToLowerInvariant()}@tests.local");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        return ctx;
    }
}
