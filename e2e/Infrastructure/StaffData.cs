using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.E2E.Infrastructure;

/// <summary>Reads staff accounts straight from the app's database.</summary>
public static class StaffData
{
    public static async Task<Guid> StaffIdAsync(this AppServer app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(s => s.NormalizedEmail == normalized).Select(s => s.Id).SingleAsync();
    }
}
