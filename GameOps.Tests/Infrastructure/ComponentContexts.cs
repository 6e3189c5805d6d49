using System.Security.Claims;
using Bunit;
using GameOps.Web.Services.Shell;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace GameOps.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor, the app's data services on a test database, and a signed-in staff member of one role.</summary>
public static class ComponentContexts
{
    /// <param name="staff">A real staff account (its id and email in the claims), for services that stamp or audit the actor.</param>
    public static BunitContext SignedIn(TestDatabase database, string role, GameOps.Data.Entities.StaffUser? staff = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
        ctx.Services.AddGameOpsWebData(database);
        ctx.Services.AddScoped<PageContext>();
        var auth = ctx.AddAuthorization();
        var email = staff?.Email ?? $"{role.ToLowerInvariant()}@tests.local";
        auth.SetAuthorized(email);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (staff?.Id ?? Guid.NewGuid()).ToString()), new Claim(ClaimTypes.Email, email));
        return ctx;
    }
}
