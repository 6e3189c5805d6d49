using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services;
using GameOps.Web.Services.LiveOps;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Api;

/// <summary>
/// Issue 20: every write rule of the UI also refuses the API call, with the same field and the same message, and
/// nothing changes. The rules are enumerated from their one source: the named <see cref="WriteRules{TInput}"/> of the
/// services (each rule must have an example input here, or the coverage test fails naming it) and the field rules the
/// editor derives from the resource descriptions (required, length, options, JSON, ranges), generated for every field.
/// </summary>
public abstract class ApiWriteRuleTests(ApiHost host)
{
    const string Admin = "admin@gameops.local";
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateTime Now = DateTime.UtcNow;

    // ---- Examples: one input per named rule that breaks it (and, being first in order, is the rule reported). ----

    static readonly Dictionary<string, SanctionRequest> SanctionExamples = new()
    {
        ["reason-required"] = new(SanctionKind.Warn, "  "),
        ["reason-too-long"] = new(SanctionKind.Warn, new string('r', ModerationService.MaxReasonLength + 1)),
        ["duration-required"] = new(SanctionKind.Mute, "spam", null),
        ["duration-too-long"] = new(SanctionKind.Mute, "spam", ModerationService.MaxDurationMinutes + 1),
    };

    static readonly Dictionary<string, string> NoteExamples = new()
    {
        ["note-empty"] = " ",
        ["note-too-long"] = new string('n', PlayerSupportService.MaxNoteLength + 1),
    };

    static readonly Dictionary<string, string?> CancelExamples = new()
    {
        ["reason-required"] = "",
        ["reason-too-long"] = new string('c', EventService.MaxReasonLength + 1),
    };

    static BroadcastDraft Draft(Action<BroadcastDraft> change)
    {
        var draft = new BroadcastDraft { Title = "Rules check", Message = "Hello", Priority = "normal", Segment = new Segment { Kind = "all" } };
        change(draft);
        return draft;
    }

    static readonly Dictionary<string, BroadcastDraft> BroadcastExamples = new()
    {
        ["title-required"] = Draft(d => d.Title = ""),
        ["title-too-long"] = Draft(d => d.Title = new string('t', BroadcastService.MaxTitleLength + 1)),
        ["message-required"] = Draft(d => d.Message = " "),
        ["message-too-long"] = Draft(d => d.Message = new string('m', BroadcastService.MaxMessageLength + 1)),
        ["priority"] = Draft(d => d.Priority = "whenever"),
        ["segment.kind"] = Draft(d => d.Segment = new Segment { Kind = "nobody" }),
        ["segment.level-required"] = Draft(d => d.Segment = new Segment { Kind = "level_range" }),
        ["segment.level-from-one"] = Draft(d => d.Segment = new Segment { Kind = "level_range", MinLevel = 0, MaxLevel = 10 }),
        ["segment.level-order"] = Draft(d => d.Segment = new Segment { Kind = "level_range", MinLevel = 20, MaxLevel = 10 }),
        ["segment.guild-required"] = Draft(d => d.Segment = new Segment { Kind = "guild", GuildKey = " " }),
        ["segment.zone-required"] = Draft(d => d.Segment = new Segment { Kind = "zone", ZoneKey = "" }),
        ["send-time-future"] = Draft(d => d.ScheduledAt = Now.AddHours(-1)),
    };

    /// <summary>Event dates that break each scheduling rule (start, end), relative to now.</summary>
    static readonly Dictionary<string, (TimeSpan? Start, TimeSpan? End)> ScheduleExamples = new()
    {
        ["dates-required"] = (null, TimeSpan.FromDays(2)),
        ["end-after-start"] = (TimeSpan.FromDays(3), TimeSpan.FromDays(2)),
        ["end-in-future"] = (TimeSpan.FromDays(-3), TimeSpan.FromDays(-2)),
    };

    static readonly IReadOnlyList<EventKindOption> ExampleKinds =
    [
        new(EventKind.TypeKind, "guild_war", "Guild war", true), new(EventKind.TypeKind, "masquerade", "Masquerade", false),
        new(EventKind.CategoryKind, "pvp", "PvP", true), new(EventKind.CategoryKind, "legacy", "Legacy", false),
    ];

    /// <summary>A new event's type and category against the managed lists (the values stored before are null: a new event).</summary>
    static readonly Dictionary<string, EventKindInput> EventKindExamples = new()
    {
        ["type-unknown"] = new("raffle", "pvp", null, null, ExampleKinds),
        ["type-retired"] = new("masquerade", "pvp", null, null, ExampleKinds),
        ["category-unknown"] = new("guild_war", "nonsense", null, null, ExampleKinds),
        ["category-retired"] = new("guild_war", "legacy", null, null, ExampleKinds),
    };

    [Fact]
    public void Every_named_write_rule_has_an_example_that_breaks_it_and_every_example_breaks_its_rule()
    {
        static void Covered<T>(string what, WriteRules<T> rules, IReadOnlyDictionary<string, T> examples)
        {
            var names = rules.All.Select(r => r.Name).ToHashSet();
            Assert.True(names.Count == rules.All.Count, $"{what}: two rules share a name.");
            var missing = names.Except(examples.Keys).ToList();
            Assert.True(missing.Count == 0, $"{what}: no example input for the rule(s) {string.Join(", ", missing)}; add one to {nameof(ApiWriteRuleTests)}.");
            Assert.Empty(examples.Keys.Except(names));
            foreach (var (name, input) in examples)
                Assert.True(rules.FirstBroken(input, Now)?.Rule.Name == name, $"{what}: the example for {name} does not break it first.");
        }
        Covered("sanctions", ModerationRules.Sanction, SanctionExamples);
        Covered("notes", ModerationRules.Note, NoteExamples);
        Covered("event cancellation", LiveOpsRules.CancelReason, CancelExamples);
        Covered("broadcasts", LiveOpsRules.Broadcast, BroadcastExamples);
        Covered("event kinds", LiveOpsRules.EventKinds, EventKindExamples);
        Covered("event scheduling", LiveOpsRules.Schedule, ScheduleExamples.ToDictionary(e => e.Key, e => EventWith(e.Value)));
        Assert.Equal(LiveOpsRules.Audience.All.Count, LiveOpsRules.Broadcast.All.Count(r => r.Name.StartsWith("segment.", StringComparison.Ordinal)));
    }

    static GameEvent EventWith((TimeSpan? Start, TimeSpan? End) dates) =>
        new() { StartTime = dates.Start is { } s ? Now + s : null, EndTime = dates.End is { } e ? Now + e : null };

    // ---- Helpers ----

    int requests;
    HttpClient? client;

    /// <summary>An Admin token client, renewed before the per-token rate limit is reached.</summary>
    async Task<HttpClient> ClientAsync()
    {
        if (client is null || ++requests % (ApiHost.RequestsPerMinute / 2) == 0) client = host.Client(await host.TokenAsync(Admin));
        return client;
    }

    async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var principal = await host.StaffAsync(Admin);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(principal, "127.0.0.1", "tests");
        return await work(scope.ServiceProvider);
    }

    /// <summary>A refusal: 400/422 problem details whose errors (or detail) carry the field and the message.</summary>
    static async Task AssertRefusedAsync(HttpResponseMessage response, string? field, string message, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        if (field is null)
        {
            Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString() == message, $"{what}: expected \"{message}\", got {text}");
            return;
        }
        Assert.True(problem.TryGetProperty("errors", out var errors), $"{what}: no errors in {text}");
        var messages = errors.EnumerateObject().Where(e => SameName(e.Name, field)).SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.True(messages.Contains(message), $"{what}: expected \"{message}\" under {field}, got {text}");
    }

    static bool SameName(string a, string b) => string.Equals(a.Replace("_", ""), b.Replace("_", ""), StringComparison.OrdinalIgnoreCase);

    async Task<int> CountAsync(string table)
    {
        await using var db = host.Db();
        var sql = "SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM " + table; // a table name of the model, never input
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }

    async Task<Guid> SomePlayerAsync()
    {
        await using var db = host.Db();
        return await db.Players.AsNoTracking().Where(p => !p.Username.StartsWith("erased-")).OrderBy(p => p.Username).Select(p => p.Id).FirstAsync(Ct);
    }

    async Task<Guid> DraftEventAsync(DateTime? start, DateTime? end)
    {
        await using var db = host.Db();
        var template = await db.Events.AsNoTracking().OrderBy(e => e.EventId).FirstAsync(Ct);
        template.Id = Guid.CreateVersion7();
        template.EventId = "rules_" + Guid.NewGuid().ToString("N")[..12];
        template.Status = EventLifecycle.Draft;
        template.StartTime = start is { } s ? VersioningInterceptor.Truncate(s) : null;
        template.EndTime = end is { } e ? VersioningInterceptor.Truncate(e) : null;
        db.Events.Add(template);
        await db.SaveChangesAsync(Ct);
        return template.Id;
    }

    async Task<(string Status, string? Settings)> EventStateAsync(Guid id)
    {
        await using var db = host.Db();
        return await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => new ValueTuple<string, string?>(e.Status, e.Settings)).SingleAsync(Ct);
    }

    static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    // ---- The named rules of the services, through the API ----

    [Fact]
    public async Task Every_sanction_and_note_rule_refuses_the_API_call_as_the_service_does_and_writes_nothing()
    {
        var player = await SomePlayerAsync();
        foreach (var (name, input) in SanctionExamples)
        {
            var (rule, message) = ModerationRules.Sanction.FirstBroken(input, Now)!.Value;
            var service = await AsAdminAsync(sp => sp.GetRequiredService<ModerationService>().SanctionPlayerAsync(player, input, Ct));
            Assert.False(service.Ok);
            Assert.Equal(message, service.Message); // what the UI shows
            var before = await CountAsync("moderation_actions");
            var response = await (await ClientAsync()).PostAsJsonAsync($"/api/v1/players/{player}/sanctions",
                new { kind = input.Kind, reason = input.Reason, durationMinutes = input.DurationMinutes }, ApiJson, Ct);
            await AssertRefusedAsync(response, rule.Field, message, "sanction " + name);
            Assert.Equal(before, await CountAsync("moderation_actions"));
        }
        foreach (var (name, input) in NoteExamples)
        {
            var (rule, message) = ModerationRules.Note.FirstBroken(input, Now)!.Value;
            var service = await AsAdminAsync(sp => sp.GetRequiredService<PlayerSupportService>().AddNoteAsync(player, input, Ct));
            Assert.Equal(message, service.Message);
            var before = await CountAsync("player_notes");
            var response = await (await ClientAsync()).PostAsJsonAsync($"/api/v1/players/{player}/notes", new { note = input }, Ct);
            await AssertRefusedAsync(response, rule.Field, message, "note " + name);
            Assert.Equal(before, await CountAsync("player_notes"));
        }
    }

    [Fact]
    public async Task Every_broadcast_rule_refuses_the_API_call_as_the_service_does_and_sends_nothing()
    {
        foreach (var (name, draft) in BroadcastExamples)
        {
            var (rule, message) = LiveOpsRules.Broadcast.FirstBroken(draft, Now)!.Value;
            var service = await AsAdminAsync(sp => sp.GetRequiredService<BroadcastService>().CreateAsync(draft, Ct));
            Assert.False(service.Ok);
            Assert.Equal(message, service.Message);
            var before = (await CountAsync("broadcasts"), await CountAsync("notifications"));
            var s = draft.Segment;
            var response = await (await ClientAsync()).PostAsJsonAsync("/api/v1/broadcasts", new
            {
                title = draft.Title, message = draft.Message, priority = draft.Priority, scheduledAt = draft.ScheduledAt,
                segment = new { kind = s.Kind, minLevel = s.MinLevel, maxLevel = s.MaxLevel, guildKey = s.GuildKey, zoneKey = s.ZoneKey },
            }, Ct);
            await AssertRefusedAsync(response, rule.Field, message, "broadcast " + name);
            Assert.Equal(before, (await CountAsync("broadcasts"), await CountAsync("notifications")));
        }
    }

    [Fact]
    public async Task Every_event_scheduling_and_cancelling_rule_refuses_the_API_call_as_the_service_does_and_the_event_stays_a_draft()
    {
        foreach (var (name, dates) in ScheduleExamples)
        {
            var sample = EventWith(dates);
            var id = await DraftEventAsync(sample.StartTime, sample.EndTime);
            var message = LiveOpsRules.Schedule.FirstProblem(sample, Now)!;
            var response = await (await ClientAsync()).PostAsync($"/api/v1/events/{id}/schedule", null, Ct);
            // The input is the stored event, not the request: the message comes as the problem's detail.
            await AssertRefusedAsync(response, null, message, "schedule " + name);
            var service = await AsAdminAsync(sp => sp.GetRequiredService<EventService>().TransitionAsync(id, EventLifecycle.Scheduled, null, Ct));
            Assert.Equal(message, service.Message);
            Assert.Equal(EventLifecycle.Draft, (await EventStateAsync(id)).Status);
        }
        var cancellable = await DraftEventAsync(Now.AddDays(1), Now.AddDays(2));
        var state = await EventStateAsync(cancellable);
        foreach (var (name, reason) in CancelExamples)
        {
            var (rule, message) = LiveOpsRules.CancelReason.FirstBroken(reason, Now)!.Value;
            var service = await AsAdminAsync(sp => sp.GetRequiredService<EventService>().TransitionAsync(cancellable, EventLifecycle.Cancelled, reason, Ct));
            Assert.Equal(message, service.Message);
            var response = await (await ClientAsync()).PostAsJsonAsync($"/api/v1/events/{cancellable}/cancel", new { reason }, Ct);
            await AssertRefusedAsync(response, rule.Field, message, "cancel " + name);
            Assert.Equal(state, await EventStateAsync(cancellable));
        }
    }

    [Fact]
    public async Task The_demo_events_use_only_active_managed_types_and_categories()
    {
        await using var db = host.Db();
        var kinds = await db.EventKinds.AsNoTracking().Where(k => k.IsActive).Select(k => k.Kind + ":" + k.Key).ToListAsync(Ct);
        var used = await db.Events.AsNoTracking().Select(e => new { e.EventType, e.Category }).Distinct().ToListAsync(Ct);
        Assert.NotEmpty(used);
        foreach (var e in used)
        {
            Assert.Contains(EventKind.TypeKind + ":" + e.EventType, kinds);
            if (e.Category is not null) Assert.Contains(EventKind.CategoryKind + ":" + e.Category, kinds);
        }
    }

    // ---- The editor's field rules (from the resource descriptions), through the API's create ----

    /// <summary>Values that break each rule the editor derives from a field's description; the message is the editor's own.</summary>
    static IEnumerable<(string Rule, object? Value)> Violations(ResourceField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (field.Required && type == typeof(string) && field.Kind != FieldKind.Json) yield return ("required", " ");
        if (field.Required && type != typeof(string) && field.ClrType.IsClass) yield return ("required", null);
        if (field.Required && type == typeof(Guid) && field.Kind == FieldKind.Reference) yield return ("required", Guid.Empty);
        if (field.MaxLength is { } max && type == typeof(string)) yield return ("max-length", new string('x', max + 1));
        if (field.Kind == FieldKind.Options && field.Options is { Count: > 0 } && type == typeof(string)) yield return ("options", "not-one-of-them");
        if (field.Kind == FieldKind.Json && type == typeof(string)) yield return ("json", "{ not json");
        if (field.Min is { } min) yield return ("min", Convert.ChangeType(min - 1, type, System.Globalization.CultureInfo.InvariantCulture));
        if (field.Max is { } top) yield return ("max", Convert.ChangeType(top + 1, type, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("items"), InlineData("quests"), InlineData("recipes"), InlineData("events")]
    public async Task Every_field_rule_of_the_editor_refuses_the_API_create_with_the_field_and_the_editors_message(string kind)
    {
        var (resource, path) = kind switch
        {
            "items" => (Resource<Item>(), "/api/v1/design/items"),
            "quests" => (Resource<Quest>(), "/api/v1/design/quests"),
            "recipes" => (Resource<CraftingRecipe>(), "/api/v1/design/recipes"),
            _ => (Resource<GameEvent>(), "/api/v1/events"),
        };
        var baseline = await BaselineAsync(resource);
        var table = resource.Table;
        var checkedRules = 0;
        // An event's status is not the client's to set: the create endpoint makes every new event a draft.
        foreach (var field in resource.Fields.Where(f => !f.Hidden && !f.ReadOnly && !f.IsPrimaryKey && !(kind == "events" && f.Name == nameof(GameEvent.Status))))
            foreach (var (rule, value) in Violations(field))
            {
                var message = ResourceValidation.FieldIssue(field, value);
                Assert.True(message is not null, $"{kind}.{field.Name} {rule}: the generated value {value} breaks no rule (fix {nameof(Violations)}).");
                var entity = JsonSerializer.Deserialize(baseline.ToJsonString(), resource.EntityType, GameJsonSerializer.Options)!;
                var key = "rules_" + Guid.NewGuid().ToString("N")[..12];
                if (resource.BusinessKey is { } keyName && keyName != field.Name) resource.Field(keyName).SetValue(entity, key);
                field.SetValue(entity, value);
                var body = JsonSerializer.SerializeToNode(entity, resource.EntityType, GameJsonSerializer.Options)!.AsObject();
                if (value is null) body[JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Property.Name)] = null; // null is left out when writing
                body.Remove("id");
                var before = await CountAsync(table);
                var response = await (await ClientAsync()).PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
                await AssertRefusedAsync(response, field.Name, message!, $"{kind}.{field.Name} {rule}");
                Assert.Equal(before, await CountAsync(table));
                checkedRules++;
            }
        Assert.True(checkedRules > 0, $"{kind}: no field rule found to check");
    }

    /// <summary>
    /// Rules about a whole row (one field against another, or against the database: a quest that needs itself, a recipe with
    /// no ingredient, an end before the start) as the editor runs them: field limits, the resource's rules, its database rules.
    /// </summary>
    public static TheoryData<string> RowRuleExamples => new("items.properties-shape", "quests.own-prerequisite", "recipes.no-ingredient", "events.end-before-start",
        "events.unknown-type", "events.unknown-category");

    [Theory]
    [MemberData(nameof(RowRuleExamples))]
    public async Task Every_row_rule_of_the_editor_refuses_the_API_create_with_the_editors_message(string example)
    {
        var key = "rules_" + Guid.NewGuid().ToString("N")[..12];
        var (resource, path, change) = example switch
        {
            "items.properties-shape" => (Resource<Item>(), "/api/v1/design/items", (Action<object>)(e => ((Item)e).Properties = "[1, 2]")),
            "quests.own-prerequisite" => (Resource<Quest>(), "/api/v1/design/quests", e => ((Quest)e).Prerequisites = [key]),
            "recipes.no-ingredient" => (Resource<CraftingRecipe>(), "/api/v1/design/recipes", e => ((CraftingRecipe)e).RequiredItems = []),
            // A new row (fresh id), as the API creates it: the baseline's own id would meet the closed-event rule first.
            "events.unknown-type" => (Resource<GameEvent>(), "/api/v1/events", (Action<object>)(e => { ((GameEvent)e).Id = Guid.NewGuid(); ((GameEvent)e).EventType = "raffle"; })),
            "events.unknown-category" => (Resource<GameEvent>(), "/api/v1/events", (Action<object>)(e => { ((GameEvent)e).Id = Guid.NewGuid(); ((GameEvent)e).Category = "nonsense"; })),
            _ => (Resource<GameEvent>(), "/api/v1/events", (Action<object>)(e => ((GameEvent)e).EndTime = ((GameEvent)e).StartTime!.Value.AddDays(-1))),
        };
        var entity = JsonSerializer.Deserialize((await BaselineAsync(resource)).ToJsonString(), resource.EntityType, GameJsonSerializer.Options)!;
        resource.Field(resource.BusinessKey!).SetValue(entity, key);
        change(entity);

        // What the editor says about this row, in the order it checks.
        var issues = ResourceValidation.Validate(resource, entity).ToList();
        await using (var db = host.Db())
            foreach (var validator in resource.DatabaseValidators) issues.AddRange(await validator(db, entity, Ct));
        var refusal = issues.FirstOrDefault(i => !i.IsWarning);
        Assert.True(refusal is not null, $"{example}: the editor accepts this row, so it is no example of a rule");

        var body = JsonSerializer.SerializeToNode(entity, resource.EntityType, GameJsonSerializer.Options)!.AsObject();
        body.Remove("id");
        var before = await CountAsync(resource.Table);
        var response = await (await ClientAsync()).PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        await AssertRefusedAsync(response, refusal.Field, refusal.Message, example);
        Assert.Equal(before, await CountAsync(resource.Table));
    }

    ResourceDescription Resource<T>() => host.Services.GetRequiredService<ResourceCatalog>().For(typeof(T));

    /// <summary>A valid row to start from: the first stored one, as JSON.</summary>
    async Task<JsonObject> BaselineAsync(ResourceDescription resource)
    {
        await using var db = host.Db();
        object row = resource.EntityType == typeof(Item) ? await db.Items.AsNoTracking().OrderBy(i => i.ItemId).FirstAsync(Ct)
            : resource.EntityType == typeof(Quest) ? await db.Quests.AsNoTracking().OrderBy(q => q.QuestId).FirstAsync(Ct)
            : resource.EntityType == typeof(CraftingRecipe) ? await db.CraftingRecipes.AsNoTracking().OrderBy(r => r.RecipeId).FirstAsync(Ct)
            : await db.Events.AsNoTracking().OrderBy(e => e.EventId).FirstAsync(Ct);
        return JsonSerializer.SerializeToNode(row, resource.EntityType, GameJsonSerializer.Options)!.AsObject();
    }
}

public sealed class ApiWriteRuleTestsSqlite(SqliteApiHost host) : ApiWriteRuleTests(host), IClassFixture<SqliteApiHost>;

public sealed class ApiWriteRuleTestsPostgres(PostgresApiHost host) : ApiWriteRuleTests(host), IClassFixture<PostgresApiHost>;
