using GameOps.Data.Entities;
using GameOps.Data.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GameOps.Data;

/// <summary>
/// The whole game schema plus staff accounts. One subclass per provider carries that provider's
/// migrations and conventions; code everywhere else depends on this base type only.
/// </summary>
public abstract class GameOpsDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, StaffRole, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public abstract DatabaseProvider Provider { get; }

    public DbSet<BusinessMetric> BusinessMetrics => Set<BusinessMetric>();
    public DbSet<EventAnalytics> EventAnalytics => Set<EventAnalytics>();
    public DbSet<GameAnalytics> GameAnalytics => Set<GameAnalytics>();
    public DbSet<PerformanceMetric> PerformanceMetrics => Set<PerformanceMetric>();
    public DbSet<SessionData> SessionData => Set<SessionData>();
    public DbSet<UserAnalytics> UserAnalytics => Set<UserAnalytics>();
    public DbSet<ChannelMember> ChannelMembers => Set<ChannelMember>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<MessageReaction> MessageReactions => Set<MessageReaction>();
    public DbSet<MessageReply> MessageReplies => Set<MessageReply>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ChatChannel> Channels => Set<ChatChannel>();
    public DbSet<EventParticipation> EventParticipations => Set<EventParticipation>();
    public DbSet<EventReward> EventRewards => Set<EventReward>();
    public DbSet<EventSchedule> EventSchedules => Set<EventSchedule>();
    public DbSet<GameEvent> Events => Set<GameEvent>();
    public DbSet<EventKind> EventKinds => Set<EventKind>();
    public DbSet<Guild> Guilds => Set<Guild>();
    public DbSet<GuildActivity> GuildActivities => Set<GuildActivity>();
    public DbSet<GuildMember> GuildMembers => Set<GuildMember>();
    public DbSet<GuildStorageItem> GuildStorage => Set<GuildStorageItem>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<PaymentTransaction> PaymentTransactions => Set<PaymentTransaction>();
    public DbSet<Player> Players => Set<Player>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<ActorEquipment> ActorEquipment => Set<ActorEquipment>();
    public DbSet<ActorResource> ActorResources => Set<ActorResource>();
    public DbSet<ActorSkill> ActorSkills => Set<ActorSkill>();
    public DbSet<CraftingRecipe> CraftingRecipes => Set<CraftingRecipe>();
    public DbSet<InventoryItem> InventoryItems => Set<InventoryItem>();
    public DbSet<ResourceDefinition> ResourceDefinitions => Set<ResourceDefinition>();
    public DbSet<SkillDefinition> SkillDefinitions => Set<SkillDefinition>();
    public DbSet<MatchParticipant> MatchParticipants => Set<MatchParticipant>();
    public DbSet<MatchQueue> MatchQueues => Set<MatchQueue>();
    public DbSet<MatchResult> MatchResults => Set<MatchResult>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<PlayerReport> PlayerReports => Set<PlayerReport>();
    public DbSet<Achievement> Achievements => Set<Achievement>();
    public DbSet<ActorAchievement> ActorAchievements => Set<ActorAchievement>();
    public DbSet<ActorLevel> ActorLevels => Set<ActorLevel>();
    public DbSet<Quest> Quests => Set<Quest>();
    public DbSet<QuestProgress> QuestProgress => Set<QuestProgress>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<FraudDetection> FraudDetection => Set<FraudDetection>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<StaffAuditEntry> StaffAuditLogs => Set<StaffAuditEntry>();
    public DbSet<PlayerNote> PlayerNotes => Set<PlayerNote>();
    public DbSet<SanctionAppeal> SanctionAppeals => Set<SanctionAppeal>();
    public DbSet<MetricRollup> MetricRollups => Set<MetricRollup>();
    public DbSet<StaffSetting> StaffSettings => Set<StaffSetting>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<StaffJobRun> StaffJobRuns => Set<StaffJobRun>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<SpawnPoint> SpawnPoints => Set<SpawnPoint>();
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<WeatherData> WeatherData => Set<WeatherData>();
    public DbSet<WorldEvent> WorldEvents => Set<WorldEvent>();
    public DbSet<WorldZone> WorldZones => Set<WorldZone>();
    public DbSet<StaffApiToken> StaffApiTokens => Set<StaffApiToken>();
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<StaffListLayout> StaffListLayouts => Set<StaffListLayout>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(b =>
        {
            b.ToTable("staff_users");
            b.Property(u => u.DisplayName).HasMaxLength(128);
            b.Property(u => u.ThemePreference).HasMaxLength(16);
            b.Property(u => u.TimeZone).HasMaxLength(64);
            b.Property(u => u.PasswordHash).IsSecret();
            b.Property(u => u.SecurityStamp).IsSecret();
            b.Property(u => u.ConcurrencyStamp).IsSecret();
            b.Property(u => u.Email).IsPersonal();
            b.Property(u => u.NormalizedEmail).IsPersonal();
            b.Property(u => u.PhoneNumber).IsPersonal();
            // Staff sign in with their email as user name: it is as personal as the email column.
            b.Property(u => u.UserName).IsPersonal();
            b.Property(u => u.NormalizedUserName).IsPersonal();
        });
        builder.Entity<StaffRole>().ToTable("staff_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("staff_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("staff_user_tokens");
            // Authenticator keys and recovery codes: each is enough to pass two-factor sign-in.
            b.Property(t => t.Value).IsSecret();
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("staff_role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(GameOpsDbContext).Assembly);
        ApplyCrossCuttingRules(builder);
        ApplyRowConcurrency(builder);
    }

    /// <summary>How this provider detects a concurrent edit of tables without their own token: <see cref="RowConcurrency"/>.</summary>
    protected abstract void ApplyRowConcurrency(ModelBuilder builder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    /// <summary>The JSON column type of this provider.</summary>
    protected abstract string JsonColumnType { get; }

    void ApplyCrossCuttingRules(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                if (Attribute.IsDefined(property.PropertyInfo!, typeof(SecretAttribute))) property.SetAnnotation(SensitivityModelExtensions.Annotation, Sensitivity.Secret);
                else if (Attribute.IsDefined(property.PropertyInfo!, typeof(PersonalAttribute))) property.SetAnnotation(SensitivityModelExtensions.Annotation, Sensitivity.Personal);
            }
            foreach (var member in clr.GetProperties().Where(p => Attribute.IsDefined(p, typeof(JsonColumnAttribute))))
            {
                var property = builder.Entity(clr).Property(member.PropertyType, member.Name);
                property.HasColumnType(JsonColumnType).Metadata.SetMaxLength(null);
                if (member.PropertyType != typeof(string))
                {
                    property.HasConversion(
                        (ValueConverter)Activator.CreateInstance(typeof(JsonValueConverter<>).MakeGenericType(member.PropertyType))!,
                        (Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer)Activator.CreateInstance(typeof(JsonValueComparer<>).MakeGenericType(member.PropertyType))!);
                }
            }
            if (typeof(IVersioned).IsAssignableFrom(clr))
                entityType.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            else if (typeof(IUpdatedAt).IsAssignableFrom(clr))
                entityType.FindProperty(nameof(IUpdatedAt.UpdatedAt))!.IsConcurrencyToken = true;
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Every timestamp is UTC in memory and in the database, whatever the provider hands back.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
