using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Auditing;

/// <summary>Every staff change is audited by the interceptor, in the same transaction, with before/after values.</summary>
public sealed class StaffAuditInterceptorTests
{
    static Item NewItem() => new() { Id = Guid.NewGuid(), ItemId = "sword", Name = "Sword", ItemType = "weapon", Rarity = "common", StackSize = 1, IsActive = true };

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_staff_update_writes_who_what_before_and_after(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var staffId = Guid.NewGuid();
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer, staffId, "designer@tests.local"));
        var factory = services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        var item = NewItem();
        var ct = TestContext.Current.CancellationToken;
        await using (var context = await factory.CreateDbContextAsync(ct))
        {
            context.Items.Add(item);
            await context.SaveChangesAsync(ct);
        }
        await using (var context = await factory.CreateDbContextAsync(ct))
        {
            var tracked = await context.Items.SingleAsync(ct);
            tracked.Name = "Great Sword";
            await context.SaveChangesAsync(ct);
        }

        await using var check = db.CreateContext();
        var entries = await check.StaffAuditLogs.OrderBy(a => a.CreatedAt).ThenBy(a => a.Action).ToListAsync(ct);
        Assert.Equal(["create", "update"], entries.Select(e => e.Action).Order());
        var update = entries.Single(e => e.Action == "update");
        Assert.Equal((staffId, "designer@tests.local", "items", item.Id.ToString(), "127.0.0.1"), (update.StaffUserId!.Value, update.StaffEmail, update.EntityType, update.EntityKey, update.IpAddress));
        using var changes = JsonDocument.Parse(update.Changes!);
        Assert.Equal("Sword", changes.RootElement.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("Great Sword", changes.RootElement.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal(1, changes.RootElement.GetProperty("before").GetProperty("version").GetInt32());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_failed_save_leaves_no_audit_row(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer));
        var factory = services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        await using (var context = await factory.CreateDbContextAsync(ct))
        {
            context.Items.Add(NewItem());
            await context.SaveChangesAsync(ct);
        }
        await using (var context = await factory.CreateDbContextAsync(ct))
        {
            context.Items.Add(NewItem()); // same item_id: the unique index refuses it
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(ct));
        }
        await using var check = db.CreateContext();
        Assert.Equal(1, await check.StaffAuditLogs.CountAsync(ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task System_work_without_a_staff_member_is_not_audited(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var services = WebServices.Build(db);
        var factory = services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        await using (var context = await factory.CreateDbContextAsync(ct))
        {
            context.Items.Add(NewItem());
            await context.SaveChangesAsync(ct);
        }
        await using var check = db.CreateContext();
        Assert.Equal(0, await check.StaffAuditLogs.CountAsync(ct));
    }

    [Fact]
    public async Task On_postgres_the_database_refuses_to_change_or_delete_audit_rows()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var ct = TestContext.Current.CancellationToken;
        await using var context = db.CreateContext();
        context.StaffAuditLogs.Add(new StaffAuditEntry { Id = Guid.NewGuid(), Action = "create", EntityType = "items", CreatedAt = DateTime.UtcNow });
        await context.SaveChangesAsync(ct);
        var update = await Assert.ThrowsAnyAsync<Exception>(() => context.StaffAuditLogs.ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "tampered"), ct));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => context.StaffAuditLogs.ExecuteDeleteAsync(ct));
        Assert.Contains("append-only", delete.Message);
    }
}
