using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>
/// A moderator's working day: durations and end times that read as words and in the staff member's zone, the ban
/// confirmation's wording, the original chat text, the whole player (characters with guild, skills, ratings, quests),
/// the accounts sharing a flagged IP — and each read refused to a role without the permission.
/// </summary>
public sealed class ModeratorWorkdayTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(4320, "3 days")]
    [InlineData(1440, "1 day")]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    [InlineData(90, "90 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(2160, "1 day 12 hours")]
    [InlineData(43200, "30 days")]
    [InlineData(null, "permanent")]
    public void Durations_read_as_words_not_minutes(int? minutes, string expected) => Assert.Equal(expected, ModerationFormat.Duration(minutes));

    [Fact]
    public void End_times_show_in_the_staff_members_zone_and_in_UTC_without_one()
    {
        var end = new DateTime(2026, 12, 6, 14, 0, 0, DateTimeKind.Utc);
        Assert.Equal("2026-12-06 15:00 Europe/Paris", ModerationFormat.When(end, ModerationFormat.Zone("Europe/Paris")));
        Assert.Equal("2026-12-06 09:00 America/New_York", ModerationFormat.When(end, ModerationFormat.Zone("America/New_York")));
        Assert.Equal("2026-12-06 14:00 UTC", ModerationFormat.When(end, ModerationFormat.Zone(null)));
        Assert.Equal("2026-12-06 14:00 UTC", ModerationFormat.When(end, ModerationFormat.Zone("Not/AZone")));
        Assert.Equal("2026-12-05 23:59:58", ModerationFormat.Stamp(new DateTime(2026, 12, 5, 23, 59, 58, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_ban_confirmation_says_what_happens_to_whom()
    {
        var now = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
        var ban = ModerationFormat.Sanction(SanctionKind.TempBan, "Wolf1999", 3 * 1440, 2, now, null);
        Assert.Equal("Ban Wolf1999 for 3 days", ban.Consequence);
        Assert.Contains("2 open sessions end; the account is suspended (until 2026-12-06 10:00 UTC).", ban.Details);
        Assert.Contains("1 open session ends", ModerationFormat.Sanction(SanctionKind.Kick, "Wolf1999", null, 1, now, null).Details[0]);
        Assert.Equal("Ban Wolf1999 permanently", ModerationFormat.Sanction(SanctionKind.PermBan, "Wolf1999", null, 0, now, null).Consequence);
        Assert.Equal("Mute Wolf1999 for 1 day", ModerationFormat.Sanction(SanctionKind.Mute, "Wolf1999", 1440, 0, now, null).Consequence);
    }

    [Fact]
    public void Roles_without_moderation_read_the_chat_masked()
    {
        Assert.Equal("***** all of you, bunch of ******** *****", ChatMask.Mask("screw all of you, bunch of subhuman trash"));
        Assert.Equal("hello there", ChatMask.Mask("hello there"));
    }

    static AsyncServiceScope As(ModerationArrange world, string role)
    {
        var scope = world.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role, world.Bob.Id, world.Bob.Email), "127.0.0.1", "tests");
        return scope;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_sanction_impact_counts_open_sessions_and_is_refused_without_moderation_read(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using (var alice = world.As(world.Alice))
        {
            var impact = await alice.ServiceProvider.GetRequiredService<ModerationService>().ImpactAsync(world.Target.Id, Ct);
            Assert.Equal(new SanctionImpact("troll_king", 2, 0), impact);
        }
        await using var designer = As(world, StaffRoles.Designer);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => designer.ServiceProvider.GetRequiredService<ModerationService>().ImpactAsync(world.Target.Id, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Fraud_triage_lists_the_accounts_on_the_flagged_IP(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var twin = ModerationArrange.NewPlayer("troll_twin");
        var flag = new FraudDetection
        {
            Id = Guid.NewGuid(), UserId = world.Target.Id, FraudType = "multi_accounting", RiskScore = 0.9m,
            Indicators = """{"accounts_on_ip": 2, "shared_ip": "203.0.113.7"}""", DetectedAt = DateTime.UtcNow.AddHours(-1),
        };
        await using (var add = db.CreateContext())
        {
            add.Players.Add(twin);
            add.UserSessions.Add(new UserSession { Id = Guid.NewGuid(), UserId = twin.Id, SessionToken = "tok-" + Guid.NewGuid(), IpAddress = "203.0.113.7", CreatedAt = DateTime.UtcNow.AddDays(-1), ExpiresAt = DateTime.UtcNow });
            add.FraudDetection.Add(flag);
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var triage = alice.ServiceProvider.GetRequiredService<TriageService>();
        var (rows, _) = await triage.ListFraudAsync(true, 0, 10, Ct);
        var linked = (await triage.LinkedAccountsAsync(rows, Ct))[flag.Id];
        Assert.Equal("203.0.113.7", linked.SharedIp);
        Assert.Equal(1, linked.Total); // the flagged player's own sessions do not count
        Assert.Equal(twin.Id, Assert.Single(linked.Accounts).Id);

        await using var designer = As(world, StaffRoles.Designer);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => designer.ServiceProvider.GetRequiredService<TriageService>().LinkedAccountsAsync(rows, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_player_profile_reads_each_character_whole(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var actor = new Actor { Id = Guid.NewGuid(), UserId = world.Target.Id, Name = "Eliion", Level = 42, Position = new() { ZoneId = "zone_unknown" }, CreatedAt = DateTime.UtcNow.AddDays(-9) };
        var guild = new Guild { Id = Guid.NewGuid(), GuildId = "g_ravens", Name = "Ravens", Status = "active", MaxMembers = 50, Level = 3, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using (var add = db.CreateContext())
        {
            var rows = new RowBuilder(add) { FillOptional = false, Counter = 5000 };
            var skill = rows.Add<SkillDefinition>();
            var quest = rows.Add<Quest>();
            add.Actors.Add(actor);
            add.Guilds.Add(guild);
            add.GuildMembers.Add(new GuildMember { Id = Guid.NewGuid(), GuildId = guild.Id, ActorId = actor.Id, Rank = "officer", JoinedAt = DateTime.UtcNow.AddDays(-3) });
            add.ActorSkills.Add(new ActorSkill { Id = Guid.NewGuid(), ActorId = actor.Id, SkillId = skill.SkillId, Level = 7, IsLearned = true });
            add.Ratings.Add(new Rating { Id = Guid.NewGuid(), ActorId = actor.Id, GameMode = "arena_2v2", RatingValue = 1712, Wins = 30, Losses = 12, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            add.QuestProgress.Add(new QuestProgress { Id = Guid.NewGuid(), ActorId = actor.Id, QuestId = quest.Id, Status = "in_progress", StartedAt = DateTime.UtcNow.AddDays(-1) });
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var sheets = alice.ServiceProvider.GetRequiredService<CharacterSheets>();
        var sheet = Assert.Single(await sheets.ForPlayerAsync(world.Target.Id, Ct));
        Assert.Equal(("Eliion", 42, "troll_king"), (sheet.Name, sheet.Level, sheet.PlayerUsername));
        Assert.Equal(("Ravens", "officer"), (sheet.Guild!.Name, sheet.Guild.Rank));
        Assert.Equal(7, Assert.Single(sheet.Skills).Level);
        Assert.Equal(1712, Assert.Single(sheet.Ratings).Rating);
        Assert.Equal("in_progress", Assert.Single(sheet.Quests).Status);
        Assert.Equal(1, sheet.QuestTotal);
        Assert.Equal(sheet.Id, (await sheets.ForCharacterAsync(actor.Id, Ct))!.Id);

        await using var designer = As(world, StaffRoles.Designer);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => designer.ServiceProvider.GetRequiredService<CharacterSheets>().ForPlayerAsync(world.Target.Id, Ct));
    }
}
