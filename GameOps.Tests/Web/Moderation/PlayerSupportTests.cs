using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>Support actions on a profile and the sanctions list filters, on both providers.</summary>
public sealed class PlayerSupportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_rename_over_a_colleagues_rename_is_refused_and_theirs_stands(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();
        var seen = new AccountSeen(world.Target.Username, world.Target.Email);

        Assert.True((await support.UpdateAccountAsync(world.Target.Id, "first_rename", world.Target.Email, "ticket 1", seen, Ct)).Ok);
        var late = await support.UpdateAccountAsync(world.Target.Id, "second_rename", world.Target.Email, "ticket 2", seen, Ct);

        Assert.False(late.Ok);
        Assert.Contains("first_rename", late.Message); // says what it is now
        await using var check = db.CreateContext();
        Assert.Equal("first_rename", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Username);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Username_and_email_changes_are_unique_need_a_reason_and_leave_a_note(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();

        Assert.False((await support.UpdateAccountAsync(world.Target.Id, "friendly_king", world.Target.Email, " ", null, Ct)).Ok);
        var taken = await support.UpdateAccountAsync(world.Target.Id, "NICE_PERSON", world.Target.Email, "rename request", null, Ct);
        Assert.False(taken.Ok);
        Assert.Contains("taken", taken.Message);
        Assert.False((await support.UpdateAccountAsync(world.Target.Id, "friendly_king", world.Reporter.Email.ToUpperInvariant(), "x", null, Ct)).Ok);
        Assert.False((await support.UpdateAccountAsync(world.Target.Id, "friendly_king", "not an email", "x", null, Ct)).Ok);
        Assert.True((await support.UpdateAccountAsync(world.Target.Id, "friendly_king", world.Target.Email, "Offensive name", null, Ct)).Ok);

        await using var check = db.CreateContext();
        Assert.Equal("friendly_king", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Username);
        var note = await check.PlayerNotes.SingleAsync(Ct);
        Assert.Contains("troll_king → friendly_king", note.Note);
        Assert.Contains("Offensive name", note.Note);
        Assert.Equal(world.Alice.Id, note.StaffUserId);
        Assert.Contains(await check.StaffAuditLogs.Select(a => a.EntityType).ToListAsync(Ct), t => t == "users");

        Assert.True((await support.AddNoteAsync(world.Target.Id, "Called support twice", Ct)).Ok);
        var notes = await support.NotesAsync(world.Target.Id, cancellationToken: Ct);
        Assert.Equal(2, notes.Count);
        Assert.Equal("alice (alice@tests.local)", notes[0].Author); // named like the audit pages: a Moderator may reveal the email

    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Sanctions_list_filters_by_type_moderator_and_state(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        await using var bob = world.As(world.Bob);
        var a = alice.ServiceProvider.GetRequiredService<ModerationService>();
        var b = bob.ServiceProvider.GetRequiredService<ModerationService>();
        var ban = await a.SanctionPlayerAsync(world.Target.Id, new SanctionRequest(SanctionKind.TempBan, "ban", 60), Ct);
        await b.SanctionPlayerAsync(world.Reporter.Id, new SanctionRequest(SanctionKind.Warn, "warn"), Ct);
        var mute = await b.SanctionPlayerAsync(world.Reporter.Id, new SanctionRequest(SanctionKind.Mute, "mute", 30), Ct);
        await b.LiftAsync(mute.Id!.Value, "sorry", Ct);
        await a.FileAppealAsync(ban.Id!.Value, "please", Ct);
        await using (var expire = db.CreateContext())
        {
            var old = await expire.ModerationActions.SingleAsync(x => x.Id == ban.Id, Ct);
            old.ExpiresAt = DateTime.UtcNow.AddMinutes(-1); // expired: stops counting on its own
            await expire.SaveChangesAsync(Ct);
        }
        var queries = alice.ServiceProvider.GetRequiredService<ModerationQueries>(); // the list demands ModerationRead of its caller
        Assert.Equal(3, (await queries.ListSanctionsAsync(new SanctionFilter(), Ct)).Total);
        Assert.Equal(2, (await queries.ListSanctionsAsync(new SanctionFilter { ModeratorId = world.Bob.Id }, Ct)).Total);
        Assert.Equal("mute", Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { Type = "mute" }, Ct)).Rows).ActionType);
        Assert.Empty((await queries.ListSanctionsAsync(new SanctionFilter { State = "active" }, Ct)).Rows);
        var expired = Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { State = "expired" }, Ct)).Rows);
        Assert.Equal(("temp_ban", "pending"), (expired.ActionType, expired.AppealStatus));
        Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { State = "lifted" }, Ct)).Rows);
        Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { State = "appealed" }, Ct)).Rows);
        Assert.Equal(2, (await queries.ListSanctionsAsync(new SanctionFilter { Player = "NICE" }, Ct)).Total);
        await using var check = db.CreateContext();
        Assert.Equal("active", (await ModerationQueries.EffectiveStatusAsync(check, world.Target.Id, DateTime.UtcNow, Ct)).Status);
    }
}
